"""Week 07, exercise 07: the tests of an auth API (auth_api.py is given; you write the tests)."""
