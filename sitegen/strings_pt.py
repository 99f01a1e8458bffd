"""Portuguese (pt-BR) text of the generated pages, keyed by the English text in the code.

Placeholders in braces (``{hours}``) are kept as they are. The week titles, milestones and
summaries come from the metadata in English; their entries here translate them, and a
metadata text without an entry is shown in English.
"""

from __future__ import annotations

# fmt: off
_INTERFACE = {
    "**2 h/day path (everything):** about {hours}, every exercise ({count}).":
        "**Trilha de 2 h/dia (tudo):** cerca de {hours}, todos os exercícios ({count}).",
    "**5 h/week path (the core):** about {hours}, {reading} of reading and {count} exercises":
        "**Trilha de 5 h/semana (o essencial):** cerca de {hours}, {reading} de leitura e "
        "{count} exercícios",
    "**About {hours}**: {reading} of reading and {count} core exercises.":
        "**Cerca de {hours}**: {reading} de leitura e {count} exercícios essenciais.",
    "**Core** exercises are the 5 h/week path; **extra** ones complete the 2 h/day path. "
    "Each week's line gives the hours of both paths, reading included.":
        "Os exercícios **essenciais** formam a trilha de 5 h/semana; os **extras** completam "
        "a trilha de 2 h/dia. A linha de cada semana dá as horas das duas trilhas, com a "
        "leitura incluída.",
    "**Terms of the week** in the glossary: {links}.":
        "**Termos da semana** no glossário: {links}.",
    "**{count} exercises passed**": "**{count} exercícios concluídos**",
    "**{count} exercises** worth **{points} points** are ready to check; **{planned}** more "
    "are [planned](#planned-exercises).":
        "**{count} exercícios**, que valem **{points} pontos**, já podem ser corrigidos; "
        "outros **{planned}** estão [planejados](#planned-exercises).",
    "**{done} of {total} exercises passed**, {core_done} of {core} on the core path.":
        "**{done} de {total} exercícios concluídos**, {core_done} de {core} na trilha "
        "essencial.",
    "2 hours a day": "2 horas por dia",
    "5 h/week path: {hours}": "trilha de 5 h/semana: {hours}",
    "5 hours a week": "5 horas por semana",
    "5 h/week: hours · exercises": "5 h/semana: horas · exercícios",
    "2 h/day: hours · exercises": "2 h/dia: horas · exercícios",
    "A real report from week 01:":
        "Um relatório de verdade, da semana 01:",
    "A week whose milestone is one long exercise has no core exercise marked yet: at "
    "5 hours a week, follow its lesson's \"5 hours a week\" tab.":
        "Uma semana cujo marco é um único exercício longo ainda não tem exercício essencial "
        "marcado: a 5 horas por semana, siga a aba \"5 horas por semana\" da lição.",
    "All passed (2 h/day)": "Todos concluídos (2 h/dia)",
    "Announced by the roadmap and not written yet. Each lesson says what they will ask; "
    "once published they move to the tables above.":
        "Anunciados no roteiro e ainda não escritos. Cada lição diz o que eles vão pedir; "
        "quando publicados, passam para as tabelas acima.",
    "At a glance": "Visão geral",
    "Bonus track:": "Trilha bônus:",
    "Capstone milestones": "Marcos do capstone",
    "Check again with `workbook check weekNN`, then rebuild with `nox -s docs` to update "
    "the ticks.":
        "Corrija de novo com `workbook check weekNN` e reconstrua o site com `nox -s docs` "
        "para atualizar as marcações.",
    "Coming soon": "Em breve",
    "Core exercises (the 5 h/week path)": "Exercícios essenciais (a trilha de 5 h/semana)",
    "Core passed (5 h/week)": "Essenciais concluídos (5 h/semana)",
    "Day": "Dia",
    "Day {day}": "Dia {day}",
    "Days": "Dias",
    "Deliverables": "Entregas",
    "Every graded exercise, read from the metadata (`weeks/weekNN/week.toml` and "
    "`katas/katas.toml`). Check one with `workbook check week01 ex03` (or "
    "`nox -s week01 -- ex03`), and ask for the next hint with `workbook hint week01/ex03`.":
        "Todos os exercícios corrigidos, lidos dos metadados (`weeks/weekNN/week.toml` e "
        "`katas/katas.toml`). Corrija um com `workbook check week01 ex03` (ou "
        "`nox -s week01 -- ex03`) e peça a próxima dica com `workbook hint week01/ex03`.",
    "Exercise": "Exercício",
    "Level": "Nível",
    "Path": "Trilha",
    "Time": "Tempo",
    "Points": "Pontos",
    "Difficulty": "Dificuldade",
    "What each exercise practises": "O que cada exercício pratica",
    "Exercise catalog": "Catálogo de exercícios",
    "Exercises": "Exercícios",
    "Exercises you have passed at least once are ticked, from `{source}`.":
        "Os exercícios em que você já passou ao menos uma vez estão marcados, a partir de "
        "`{source}`.",
    "Extra exercises (the 2 h/day path adds them)":
        "Exercícios extras (a trilha de 2 h/dia os acrescenta)",
    "Id": "Id",
    "Level {level}": "Nível {level}",
    "Milestone": "Marco",
    "Milestone:": "Marco:",
    "No graded exercises yet.": "Ainda não há exercícios corrigidos.",
    "No graded exercises yet; {count} are planned "
    "(see the [exercise catalog](exercises.md#planned-exercises)).":
        "Ainda não há exercícios corrigidos; {count} estão planejados "
        "(veja o [catálogo de exercícios](exercises.md#planned-exercises)).",
    "None listed in the lesson yet.": "Nenhuma listada na lição ainda.",
    "None: every announced exercise is ready.": "Nenhum: todo exercício anunciado está pronto.",
    "Nothing is ticked yet": "Nada marcado ainda",
    "Objectives": "Objetivos",
    "Path, day and time": "Trilha, dia e tempo",
    "Planned exercises": "Exercícios planejados",
    "Practice": "Prática",
    "Progress": "Progresso",
    "Quick start": "Primeiros passos",
    "Reading": "Leitura",
    "Reading a verdict": "Como ler um veredito",
    "Roadmap": "Roteiro",
    "Seven days a week, about 2 hours each: one lesson a week, 90 days in all. Each day "
    "names its topic and the exercises and katas that practise it.":
        "Sete dias por semana, cerca de 2 horas por dia: uma lição por semana, 90 dias ao "
        "todo. Cada dia traz seu tema e os exercícios e katas que o praticam.",
    "Short drills that the weeks assign; see [the katas page]({page}).":
        "Treinos curtos que as semanas indicam; veja [a página dos katas]({page}).",
    "TaskHub, the capstone, is built and graded in four milestones, one a week. The "
    "[capstone page]({capstone}) describes the service and how each milestone is checked.":
        "O TaskHub, o capstone, é construído e corrigido em quatro marcos, um por semana. A "
        "[página do capstone]({capstone}) descreve o serviço e como cada marco é verificado.",
    "The **5 h/week path** is the core: the exercises marked core in each week's metadata, "
    "plus reading the lesson. The **2 h/day path** does every exercise. The hours below add "
    "the exercises' `minutes` to the lesson's reading time (about 150 words a minute, code "
    "excluded).":
        "A **trilha de 5 h/semana** é o essencial: os exercícios marcados como core nos "
        "metadados de cada semana, mais a leitura da lição. A **trilha de 2 h/dia** faz todos "
        "os exercícios. As horas abaixo somam os `minutes` dos exercícios ao tempo de leitura "
        "da lição (cerca de 150 palavras por minuto, sem contar o código).",
    "The [roadmap](../roadmap.md) shows where it fits.":
        "O [roteiro](../roadmap.md) mostra onde ela se encaixa.",
    "The lesson is not published yet.": "A lição ainda não foi publicada.",
    "Thirteen weeks, 90 days, one portfolio project. Each week is one lesson with its "
    "exercises; follow it at 2 hours a day or at 5 hours a week. Every lesson has both plans "
    "in tabs like the ones below.":
        "Treze semanas, 90 dias, um projeto de portfólio. Cada semana é uma lição com seus "
        "exercícios; siga no ritmo de 2 horas por dia ou de 5 horas por semana. Toda lição "
        "traz os dois planos em abas como as de baixo.",
    "This lesson is being written.": "Esta lição está sendo escrita.",
    "This week at either pace": "Esta semana nos dois ritmos",
    "Three sessions a week (about 1 h 30, 1 h 30 and 2 h), one lesson a week, doing the core "
    "exercises only. The lesson's \"5 hours a week\" tab says what to do in each session and "
    "what to skip; the \"If you are behind\" section says what not to skip.":
        "Três sessões por semana (cerca de 1 h 30, 1 h 30 e 2 h), uma lição por semana, só "
        "com os exercícios essenciais. A aba \"5 horas por semana\" da lição diz o que fazer "
        "em cada sessão e o que pular; a seção \"Se você está atrasado\" diz o que não pular.",
    "Ticked from your progress": "Marcado a partir do seu progresso",
    "Title": "Título",
    "To come": "Em breve",
    "Topic": "Tema",
    "Two paces": "Dois ritmos",
    "Two paths, computed from the metadata": "Duas trilhas, calculadas a partir dos metadados",
    "Week": "Semana",
    "Week by week": "Semana a semana",
    "Week {number}": "Semana {number}",
    "Where to go next": "Para onde ir agora",
    "Your latest check was on {date}.": "Sua última correção foi em {date}.",
    "Your progress file could not be read": "Não foi possível ler seu arquivo de progresso",
    "[The katas]({page}) · **{count} passed**": "[Os katas]({page}) · **{count} concluídos**",
    "[The lesson's plan]({page}#plan)": "[O plano da lição]({page}#plan)",
    "[The lesson]({page})": "[A lição]({page})",
    "[The lesson]({page}) · {days} · 5 h/week: {core_count} core, {core_hours} · "
    "2 h/day: {all_count}, {all_hours}":
        "[A lição]({page}) · {days} · 5 h/semana: {core_count} essenciais, {core_hours} · "
        "2 h/dia: {all_count}, {all_hours}",
    "core": "essencial",
    "extra": "extra",
    "easy": "fácil",
    "medium": "média",
    "hard": "difícil",
    "none yet": "nenhum ainda",
    "planned": "planejado",
    "review": "revisão",
    "to come": "em breve",
    "{done} of {total}": "{done} de {total}",
    "{heading}: {days}, about {hours} on the 5 h/week path.":
        "{heading}: {days}, cerca de {hours} na trilha de 5 h/semana.",
    "{points} points": "{points} pontos",
    # The progress page's notes.
    "This page ticks the exercises you have passed. Check your work with "
    "`workbook check week01` (or `nox -s week01`), then rebuild the site with `nox -s docs` "
    "and your passed exercises appear ticked here.":
        "Esta página marca os exercícios em que você passou. Corrija seu trabalho com "
        "`workbook check week01` (ou `nox -s week01`), reconstrua o site com `nox -s docs` e "
        "os exercícios concluídos aparecem marcados aqui.",
    "Deliverables are what you hand in or show your mentor. The workbook does not grade them, "
    "so they stay unticked here: keep your own list in your notes or your pull request.":
        "Entregas são o que você entrega ou mostra ao seu mentor. O workbook não as corrige, "
        "então elas ficam desmarcadas aqui: mantenha sua própria lista nas suas anotações ou "
        "no seu pull request.",
    # The roadmap's timeline.
    "Python foundations": "Fundamentos de Python",
    "HTTP and APIs": "HTTP e APIs",
    "Databases": "Bancos de dados",
    "Security": "Segurança",
    "TaskHub, the capstone": "TaskHub, o capstone",
    "Interviews": "Entrevistas",
    # The home page's cards and links.
    "Start here": "Comece aqui",
    "Install the tools, grade week 01 and read your first verdict.":
        "Instale as ferramentas, corrija a semana 01 e leia seu primeiro veredito.",
    "Thirteen weeks at a glance, at 2 hours a day or 5 hours a week.":
        "Treze semanas num relance, a 2 horas por dia ou 5 horas por semana.",
    "This week": "Esta semana",
    "Capstone": "Capstone",
    "TaskHub, the FastAPI service you build in weeks 9 to 12 and show in interviews.":
        "O TaskHub, o serviço FastAPI que você constrói nas semanas 9 a 12 e mostra nas "
        "entrevistas.",
    "Interview prep": "Preparação para entrevistas",
    "79 questions with model answers, the mistakes to avoid and the likely follow-ups.":
        "79 perguntas com respostas-modelo, os erros a evitar e as perguntas que costumam "
        "vir depois.",
    "Glossary": "Glossário",
    "The terms the course uses, each in a sentence or two, with where it is taught.":
        "Os termos que o curso usa, cada um em uma ou duas frases, com onde é ensinado.",
    "Week 01": "Semana 01",
    "Interview Q&A": "Perguntas de entrevista",
    "Mentor guide": "Guia do mentor",
    "the 13 weeks and 90 days at a glance, at either pace.":
        "as 13 semanas e os 90 dias num relance, em qualquer ritmo.",
    "set up your environment and start.": "prepare seu ambiente e comece.",
    "every graded exercise, with its path and time.":
        "todos os exercícios corrigidos, com sua trilha e seu tempo.",
    "checklists for every week, ticked from your latest checks.":
        "listas de verificação de cada semana, marcadas a partir das suas últimas correções.",
    "TaskHub, the service you build in weeks 9 to 12.":
        "o TaskHub, o serviço que você constrói nas semanas 9 a 12.",
    "practise answers out loud, then open the model one.":
        "pratique as respostas em voz alta e depois abra a resposta-modelo.",
    "the course's vocabulary in one page.": "o vocabulário do curso em uma página.",
    "how a mentor reviews your pull requests.": "como um mentor revisa seus pull requests.",
}

# The metadata's week titles and milestones (weeks/weekNN/week.toml).
_METADATA = {
    "Professional Python and the environment": "Python profissional e o ambiente",
    "OOP, errors and files: a CLI task manager":
        "POO, erros e arquivos: um gerenciador de tarefas de linha de comando",
    "HTTP, REST and Pydantic": "HTTP, REST e Pydantic",
    "FastAPI: an in-memory tasks API": "FastAPI: uma API de tarefas em memória",
    "SQL: querying, modelling and transactions": "SQL: consultas, modelagem e transações",
    "SQLAlchemy 2.0 and Alembic: a persistent tasks API":
        "SQLAlchemy 2.0 e Alembic: uma API de tarefas persistente",
    "Authentication: passwords, JWT and refresh tokens":
        "Autenticação: senhas, JWT e refresh tokens",
    "Authorization and robustness": "Autorização e robustez",
    "TaskHub I: the MVP": "TaskHub I: o MVP",
    "TaskHub II: tags, status, filters and pagination":
        "TaskHub II: tags, status, filtros e paginação",
    "Quality: tests, async, queues, caching and observability":
        "Qualidade: testes, async, filas, cache e observabilidade",
    "Delivery: Docker, CI and deployment": "Entrega: Docker, CI e deploy",
    "Interview preparation and portfolio": "Preparação para entrevistas e portfólio",
    "A typed, linted Python project with nine graded exercises and twelve katas passing":
        "Um projeto Python tipado e verificado pelo linter, com nove exercícios corrigidos e "
        "doze katas passando",
    "A CLI task manager with classes, JSON persistence and clear errors":
        "Um gerenciador de tarefas de linha de comando com classes, persistência em JSON e "
        "erros claros",
    "A REST design for the tasks API, an httpx client and Pydantic models that reject bad "
    "input":
        "Um desenho REST para a API de tarefas, um cliente httpx e modelos Pydantic que "
        "recusam entradas inválidas",
    "A tested, documented tasks API kept in memory, with full CRUD and clean errors":
        "Uma API de tarefas testada e documentada, em memória, com CRUD completo e erros "
        "limpos",
    "A normalised schema for users, tasks and tags, explained queries, and a transaction "
    "that is all or nothing":
        "Um esquema normalizado para usuários, tarefas e tags, queries explicadas e uma "
        "transação que é tudo ou nada",
    "The tasks API persisted on PostgreSQL with typed models, layers and reversible "
    "migrations":
        "A API de tarefas persistida no PostgreSQL, com modelos tipados, camadas e migrações "
        "reversíveis",
    "An auth module with register, login, /me, refresh and logout, tested and usable from "
    "Swagger":
        "Um módulo de autenticação com cadastro, login, /me, refresh e logout, testado e "
        "utilizável pelo Swagger",
    "Protected endpoints where users reach only their own data, with problem-details errors, "
    "request-id logs, CORS and a login rate limit":
        "Endpoints protegidos em que cada usuário só alcança os próprios dados, com erros "
        "problem details, logs com request id, CORS e limite de tentativas de login",
    "TaskHub MVP: authentication and task CRUD with ownership, on a schema built by Alembic":
        "MVP do TaskHub: autenticação e CRUD de tarefas com posse, num esquema criado pelo "
        "Alembic",
    "TaskHub extras: status transitions, priorities, tags, filters, sorting, offset and "
    "cursor pagination, ETag/If-Match and admin endpoints":
        "Extras do TaskHub: transições de status, prioridades, tags, filtros, ordenação, "
        "paginação por offset e por cursor, ETag/If-Match e endpoints de administração",
    "TaskHub quality: isolated and covered tests, property-based tests, a Redis-backed job "
    "queue, a cache, health checks and metrics":
        "Qualidade do TaskHub: testes isolados e com cobertura, testes baseados em "
        "propriedades, uma fila de jobs no Redis, um cache, health checks e métricas",
    "TaskHub delivered: a non-root image, docker compose with migrations, CI on GitHub "
    "Actions, a live deployment and a product README":
        "TaskHub entregue: uma imagem sem root, docker compose com migrações, CI no GitHub "
        "Actions, um deploy no ar e um README de produto",
    "Interview-ready: a rehearsed TaskHub walkthrough, two mock interviews, and a CV and "
    "GitHub profile that lead to TaskHub":
        "Pronto para entrevistas: uma apresentação do TaskHub ensaiada, duas entrevistas "
        "simuladas, e um currículo e um perfil no GitHub que levam ao TaskHub",
}

# fmt: on

PT_BR: dict[str, str] = {**_INTERFACE, **_METADATA}

HOME_INTRO_PT = """\
Um workbook de 90 dias, no seu ritmo, que leva você de "eu sei o básico de Python" a
desenvolvedor back-end com um projeto de portfólio que você consegue explicar numa entrevista.
Treze pastas semanais de exercícios e katas corrigidos, um site com o roteiro para ler junto e o
**TaskHub**, um serviço FastAPI com qualidade de produção que você constrói nas semanas 9 a 12.

**Para quem é:** quem já escreve funções e laços em Python e quer um emprego em back-end.
Reserve 2 horas por dia, ou 5 horas por semana num ritmo mais lento: toda lição traz os dois
planos."""

HOME_QUICK_START_PT = """\
Você precisa de Python 3.11 ou mais novo e de Git; nada mais. A partir da raiz do repositório:

```console
./wb week01      # grade week 01: every exercise starts as "not started"
./wb tests       # run the workbook's own test suite
```

O `./wb` é um pequeno inicializador que só usa a biblioteca padrão do Python. Na primeira execução,
ele encontra o [uv](https://docs.astral.sh/uv/) (ou o instala em `.workbook/tools`), monta o
`.venv` a partir do `uv.lock` versionado (cerca de um minuto, uma vez só), depois corrige todos os
exercícios da semana 01 e imprime um relatório. Ele sai com status diferente de zero até todos os
exercícios passarem. `./wb doctor` diz o que mais está instalado (PostgreSQL, Redis, Chromium,
Docker) e como acrescentar o que falta. No Windows, use o WSL. Se você prefere o nox,
`nox -s week01` e `nox -s tests` fazem o mesmo.

Para ler este site na sua máquina: `./wb docs serve` (em http://127.0.0.1:8000), ou `./wb docs`
e abra `site/index.html` direto do disco: ele funciona offline."""

HOME_VERDICT_PT = """\
Cada exercício fica **passed** (aprovado), **failed** (reprovado), **not started** (o arquivo
inicial está intocado, ou um exercício do qual ele depende ainda não passou: o relatório diz qual
terminar primeiro), **error** (o arquivo não importa: o relatório diz o arquivo e a linha),
**timed out** (uma verificação passou do limite de tempo, quase sempre um laço que não termina)
ou **crashed** (o código encerrou o processo Python). Para a primeira verificação que falha, você
vê o que foi chamado, o que voltou, o que era esperado e uma frase de ajuda. Os pontos são
divididos entre as verificações de um exercício."""
