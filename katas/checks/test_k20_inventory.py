"""Checks for kata k20: stock with reservations."""

from typing import Any

from workbook.checking import Learner, call, expect_call, expect_raises


def _inventory(learner: Learner, **stock: int) -> Any:
    inventory = call(learner.cls("Inventory"), help="Inventory() takes no arguments.")
    for sku, quantity in stock.items():
        call(inventory.restock, sku, quantity, help="restock adds items to the stock.")
    return inventory


def test_restock_and_available(learner: Learner) -> None:
    """counts restocked items as available"""
    inventory = _inventory(learner)
    expect_call(inventory.available, "MUG", returns=0, help="A SKU never seen has 0 available.")
    call(inventory.restock, "MUG", 2, help="restock adds items.")
    call(inventory.restock, "MUG", 1, help="restock adds to what is there.")
    expect_call(inventory.available, "MUG", returns=3, help="2 + 1 items were restocked.")
    for quantity in (0, -4):
        expect_raises(ValueError, inventory.restock, "MUG", quantity, match=str(quantity),
                      help="A restock of fewer than 1 item is a mistake: raise ValueError "
                           "showing the quantity.")
    expect_call(inventory.available, "MUG", returns=3, help="A refused restock adds nothing.")


def test_reserve_holds_items(learner: Learner) -> None:
    """a reservation makes its items unavailable to others"""
    inventory = _inventory(learner, MUG=3, CAP=5)
    call(inventory.reserve, "order-1", "MUG", 2, help="2 of 3 mugs can be reserved.")
    expect_call(inventory.available, "MUG", returns=1,
                help="Reserved items are still on hand but not available.")
    expect_call(inventory.available, "CAP", returns=5,
                help="A reservation of mugs does not touch caps.")
    call(inventory.reserve, "order-2", "MUG", 1,
         help="Exactly the 1 mug still available can be reserved.")
    expect_call(inventory.available, "MUG", returns=0, help="Every mug is reserved now.")


def test_refuses_too_many(learner: Learner) -> None:
    """refuses a reservation above what is available, naming the SKU and both numbers"""
    inventory = _inventory(learner, MUG=3)
    call(inventory.reserve, "order-1", "MUG", 1, help="1 of 3 mugs can be reserved.")
    for part in ("MUG", "2", "3"):
        expect_raises(ValueError, inventory.reserve, "order-2", "MUG", 3, match=part,
                      help="Only 2 mugs are available (3 on hand, 1 reserved): raise ValueError "
                           "with a message such as 'only 2 of MUG available, 3 requested'.")
    expect_call(inventory.available, "MUG", returns=2,
                help="A refused reservation changes nothing.")
    expect_raises(ValueError, inventory.reserve, "order-3", "TEA", 1,
                  help="Nothing is available for a SKU never restocked.")


def test_refuses_bad_reservations(learner: Learner) -> None:
    """refuses a quantity below 1 and a second reservation for the same order"""
    inventory = _inventory(learner, MUG=5)
    for quantity in (0, -1):
        expect_raises(ValueError, inventory.reserve, "order-1", "MUG", quantity,
                      match=str(quantity),
                      help="A reservation needs at least 1 item; show the quantity you got.")
    call(inventory.reserve, "order-1", "MUG", 1, help="1 of 5 mugs can be reserved.")
    expect_raises(ValueError, inventory.reserve, "order-1", "MUG", 1, match="order-1",
                  help="order-1 already holds a reservation: refuse a second one instead of "
                       "overwriting (and losing) the first.")
    expect_call(inventory.available, "MUG", returns=4,
                help="Only the first reservation of order-1 holds a mug.")


def test_commit(learner: Learner) -> None:
    """commit takes the reserved items out of the stock, once"""
    inventory = _inventory(learner, MUG=3)
    call(inventory.reserve, "order-1", "MUG", 2, help="2 of 3 mugs can be reserved.")
    call(inventory.commit, "order-1", help="commit ends a reservation by selling its items.")
    expect_call(inventory.available, "MUG", returns=1,
                help="The 2 sold mugs left the stock; 1 is still there and free.")
    call(inventory.restock, "MUG", 1, help="restock adds items.")
    expect_call(inventory.available, "MUG", returns=2,
                help="After the commit there is no reservation left: 1 + 1 mugs are free.")
    expect_raises(KeyError, inventory.commit, "order-1",
                  help="The reservation is gone after a commit: committing again raises "
                       "KeyError, so an order is never charged twice.")


def test_release(learner: Learner) -> None:
    """release makes the reserved items available again, once"""
    inventory = _inventory(learner, MUG=3)
    call(inventory.reserve, "order-1", "MUG", 2, help="2 of 3 mugs can be reserved.")
    call(inventory.release, "order-1", help="release ends a reservation without a sale.")
    expect_call(inventory.available, "MUG", returns=3,
                help="Released items are available again and stay on hand.")
    expect_raises(KeyError, inventory.release, "order-1",
                  help="The reservation is gone after a release: raise KeyError.")
    expect_raises(KeyError, inventory.commit, "order-9",
                  help="An order with no reservation cannot be committed.")
    call(inventory.reserve, "order-1", "MUG", 3,
         help="Once released, the order id is free again and all 3 mugs can be reserved.")
