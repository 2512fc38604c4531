# Mediation Atlas — русский интерфейс
#
# Переводчику: каждое сообщение из en.ftl должно быть здесь (это проверяет тест
# `every_message_exists_in_every_language`). Формы множественного числа: one / few / many.

## Основной интерфейс
app-title = Mediation Atlas
language-name = Русский
language = Язык
problems-banner = При загрузке данных возникли проблемы – всё остальное загружено
show-problems = Показать
hide-problems = Скрыть
no-selection-title = Казахстан как посредник
no-selection-hint = Нажмите на место на карте, чтобы увидеть его события и статьи о нём.
events = События
articles = Статьи
no-events = В этом месте нет событий.
no-articles = Ни одна статья не упоминает это место.
other-places = Другие места
local-name = Местное название
back-to-place = ← Назад
close = Закрыть
date-unknown = Дата неизвестна
source-unknown = Источник неизвестен
export-button = Экспорт
export-size = Размер:
export-save = Сохранить
export-tour = Сохранить все шаги как пронумерованные файлы PNG (папка в «Изображениях»)
quiz-fullscreen = Полный экран для класса (F5)
fullscreen = Полный экран
export-saved = Сохранено:
open-folder = Открыть папку
quiz = Викторина
quiz-start = ? Викторина
quiz-end = Завершить викторину
quiz-done = Готово!
quiz-again = Ещё раз
quiz-click-map = Нажмите на карту там, где это было.
quiz-order-hint = Нажимайте на события от самого раннего к самому позднему.
quiz-right-answer = Верно!
quiz-wrong-answer = К сожалению, неверно.
quiz-answer = Правильный ответ
presenter-notes = Заметки
next-step = Далее
last-step = (последний шаг)
present-keys = Вперёд: → ↓ Пробел PgDn щелчок · Назад: ← ↑ PgUp · Home/End · номер + Enter: шаг · N: заметки · Esc: выход
present = ▶ Показ
tours = Туры
presenter-window = Mediation Atlas – заметки
timeline-all = Все события
play = ▶ Воспроизвести
pause = ❚❚ Пауза
speed = Темп
speed-slow = ½ года/с
speed-normal = 1 год/с
speed-fast = 3 года/с
clear-range = ✖ Сбросить период
undated = без даты
timeline-hint = Перетащить: выбрать период · колесо мыши: масштаб · перетащить по оси: сдвинуть · двойной щелчок: всё
filters = Фильтр
clear-filters = ✖ Сбросить фильтр
processes = Мирные процессы
kinds = Тип события
actors = Участники
mode-venues = Места переговоров
mode-conflicts = Места конфликтов
roles = Роли
no-process = без процесса
lines-legend = Линии
conflict-line = Переговоры → конфликт
search-hint = Поиск (Ctrl+F) …
no-results = Ничего не найдено.
step-prev = ◀ Назад
step-next = Далее ▶
venue = Место
sources = Источники
no-events-in-filter = Нет событий в этом периоде или фильтре.
author = Автор
reset-view = Общий вид
zoom-in = Приблизить
zoom-out = Отдалить
basemap = Подложка
basemap-offline = Встроенная (офлайн)
basemap-osm = OpenStreetMap (онлайн)
basemap-topo = OpenTopoMap (онлайн)
basemap-file = Открыть файл PMTiles …
more = Другие команды
basemap-hint = Встроенной карте сеть не нужна. Онлайн-карты кешируются на диске; без сети под ними остаётся видна встроенная карта.
pmtiles-title = Своя карта (PMTiles)
pmtiles-prompt = Путь к файлу .pmtiles с растровыми тайлами – или просто перетащите файл в окно:
open = Открыть
cancel = Отмена
event = Событие
process = Процесс
participants = Участники
mentions-in-article = Упомянутые места
backs-event = Источник для
help-text =
    Перетащить: сдвинуть карту · Колесо мыши: масштаб · Щелчок по маркеру: открыть место · Щелчок по выделенному месту в тексте: перелететь туда · Home: общий вид · +/−: масштаб · Esc: снять выбор · Ctrl+Z / Ctrl+Shift+Z: отменить / повторить свои изменения

    Справочник мест: содержит данные GeoNames (www.geonames.org), лицензия CC BY 4.0. Карта: Natural Earth (общественное достояние).
coordinates-source = Координаты

## Туры
tour-add-step = + Добавить как шаг
tour-add-step-hint = Записывает вид, период, выбор и отмеченный фрагмент текста как шаг вашего тура.
tour-editor = Редактировать тур
tour-title-de = Заголовок (немецкий)
tour-title-en = Заголовок (английский)
tour-step = Шаг
tour-caption-de = Подпись (немецкий)
tour-caption-en = Подпись (английский)
tour-notes-de = Заметки докладчика (немецкий)
tour-notes-en = Заметки докладчика (английский)
tour-notes = Заметки докладчика
tour-up = Вверх
tour-down = Вниз
tour-delete-step = Удалить шаг
tour-present-from = ▶ Показывать отсюда
tour-save = Сохранить
tour-close = Закрыть
tour-delete-tour = Удалить тур
tour-saved = Тур сохранён.
tour-edit = Изменить …
tour-unsaved = Сохраняется, как только вы покидаете поле.
tour-all-saved = Все изменения сохранены (Ctrl+Z отменяет).
tour-drag-hint = Перетащите, чтобы переставить шаг.
tour-preview = Предпросмотр
tour-preview-hint = Показывает шаг на карте, не запуская показ.
tour-no-passage = Без фрагмента.
tour-pick-passage = Выбрать фрагмент …
tour-clear-passage = Убрать фрагмент
tour-pick-passage-hint = Откройте статью, выделите фрагмент мышью и возьмите его.
tour-take-passage = Взять
tour-other-article = Другая статья
tour-new-tour = + Новый тур
tour-new-tour-hint = Следующий записанный шаг начнёт новый тур.
tour-new-tour-notice = Новый тур: выберите вид и запишите его кнопкой «+ Добавить как шаг».

## События
event-record-title = Записать событие
event-record-button = Записать событие …
event-save = Сохранить
event-title-de = Название (немецкий)
event-title-en = Название (английский)
event-date = Дата
event-date-end = по (необязательно)
event-circa = ок. (приблизительно)
event-date-backwards = Конец раньше начала
event-kind = Тип
event-process = Мирный процесс
event-no-process = (нет)
event-new-process = Новый процесс …
event-process-name = Название
event-places = Места
event-venue = место проведения
event-make-venue = Сделать местом проведения
event-participants = Участники
event-quote = Источник (дословно из статьи)
event-edit = Изменить …
event-delete = Удалить
event-copy = Копировать в мою библиотеку
event-own-event = ваше событие
event-copy-of = Копия поставляемого события
event-saved = Событие сохранено.
event-deleted = Событие удалено.

## Библиотека
lib-add-button = + Статья
lib-add-title = Добавить статью
lib-open-file = Открыть файл …
lib-paste = Вставить текст
lib-drop-hint = … или перетащите файлы (текст, Markdown, HTML, PDF) в окно.
lib-path-prompt = Или введите путь к файлу:
lib-paste-hint = Вставьте сюда текст статьи (Ctrl+V):
lib-next = Далее
lib-title = Заголовок
lib-source = Источник
lib-author = Автор
lib-date = Дата
lib-date-hint = ГГГГ-ММ-ДД, ГГГГ-ММ, ГГГГ или «unknown»
lib-date-invalid = Неверная дата
lib-language = Язык
lib-german = Немецкий
lib-english = Английский
lib-add = Добавить
lib-skip = Пропустить
lib-loading-gazetteer = Загружается справочник мест …
lib-nothing-added = ничего не добавлено
lib-your-articles = Ваши статьи
lib-no-own-articles = Своих статей пока нет: принесите статью этой недели.
lib-remove = Удалить
lib-remove-article = Удалить статью …
lib-remove-title = Удалить статью?
lib-remove-hint = Статья, её топонимы и ваша проверка уйдут из библиотеки. Ctrl+Z вернёт её.
lib-undo = ↶ Отменить
lib-redo = ↷ Повторить
lib-nothing-to-undo = Нечего отменять
lib-status-sure = надёжно
lib-status-review = неясно
lib-status-rejected = отклонено
lib-review-title = Проверить топоним
lib-review-hint = Нажмите на топоним, чтобы проверить его; выделите текст мышью, чтобы связать место, которое пропустил компоновщик.
lib-accept = ✔ Верно
lib-reject = ✖ Не место
lib-choose = Выбрать
lib-candidates = Места с этим названием
lib-search = Искать в справочнике мест:
lib-on-map = Поставить на карту
lib-link-passage = Связать с местом …
lib-linked-to = Связано с
lib-not-linked = Не связано
lib-inhabitants = жителей
lib-gazetteer-credit = Справочник мест: GeoNames (geonames.org), CC BY 4.0
lib-preview = Начало текста
lib-clear-selection = Снять выделение
lib-lesson-export = Поделиться как уроком …
lib-lesson-export-title = Поделиться как уроком
lib-lesson-prompt = Сохранить всю библиотеку одним файлом (.atlas) в:
lib-lesson-prompt-tour = Сохранить этот тур со статьями, событиями, местами и процессами одним файлом (.atlas) в:
lib-browse = Обзор …
lib-lesson-hint = Чтобы открыть файл .atlas, перетащите его в окно или введите путь в «+ Статья».

## Онлайн-подложки
net-offline = Офлайн – тайлы недоступны, показана встроенная карта
net-offline-hint = Нажмите, чтобы снова загрузить тайлы.
net-custom-menu = Свой сервер тайлов …
net-custom-title = Свой сервер тайлов
net-custom-url = Адрес тайлов с {"{"}z{"}"}, {"{"}x{"}"} и {"{"}y{"}"} (https:// или http://):
net-custom-credit = Источник, указываемый на карте:
net-custom-credit-hint = © … (пусто: имя сервера)
net-custom-explain = Например, сервер тайлов вашей школы. Тайлы кешируются на диске; без сети остаётся видна встроенная карта.
net-custom-use = Использовать

## Даты
month-1 = январь
month-2 = февраль
month-3 = март
month-4 = апрель
month-5 = май
month-6 = июнь
month-7 = июль
month-8 = август
month-9 = сентябрь
month-10 = октябрь
month-11 = ноябрь
month-12 = декабрь
month-short-1 = янв.
month-short-2 = февр.
month-short-3 = март
month-short-4 = апр.
month-short-5 = май
month-short-6 = июнь
month-short-7 = июль
month-short-8 = авг.
month-short-9 = сент.
month-short-10 = окт.
month-short-11 = нояб.
month-short-12 = дек.
# Родительный падеж: «8 августа 2025».
month-of-1 = января
month-of-2 = февраля
month-of-3 = марта
month-of-4 = апреля
month-of-5 = мая
month-of-6 = июня
month-of-7 = июля
month-of-8 = августа
month-of-9 = сентября
month-of-10 = октября
month-of-11 = ноября
month-of-12 = декабря
date-day = { $day } { $month } { $year }
date-day-short = { $day } { $month } { $year }
date-month = { $month } { $year }
date-day-span = { $from }–{ $to } { $month } { $year }
date-span = { $from } – { $to }
date-circa = ок. { $date }

## Счёт
count-events = { $n ->
    [one] { $n } событие
    [few] { $n } события
   *[many] { $n } событий
}
# «из» требует родительного падежа: «41 из 41 события», «3 из 5 событий».
shown-of-events = { $shown } из { $total ->
    [one] { $total } события
   *[other] { $total } событий
}
count-points = { $n ->
    [one] { $n } балл
    [few] { $n } балла
   *[many] { $n } баллов
}
count-articles = { $n ->
    [one] { $n } статья
    [few] { $n } статьи
   *[many] { $n } статей
}
count-places = { $n ->
    [one] { $n } место
    [few] { $n } места
   *[many] { $n } мест
}
count-problems = { $n ->
    [one] { $n } проблема
    [few] { $n } проблемы
   *[many] { $n } проблем
}
lines-only = В самом месте «{ $place }» событий не было. Линии ведут к событиям в других местах, в которых участвовало государство «{ $state }» (на карте «{ $place }» обозначает государство):

## Типы событий, роли, типы мест
kind-talks = Переговоры
kind-summit = Саммит
kind-state-visit = Государственный визит
kind-phone-call = Телефонный разговор
kind-agreement = Соглашение
kind-declaration = Декларация
kind-war = Война
kind-statement = Заявление
kind-proposal = Предложение
kind-mission = Миссия
role-host = Принимающая сторона
role-mediator = Посредник
role-party = Сторона
role-guarantor = Гарант
role-observer = Наблюдатель
role-participant = Участник
place-kind-capital = Столица
place-kind-city = Город
place-kind-region = Регион
place-kind-site = Место
place-kind-country = Государство

## Добавление статей
import-empty = Файл пуст.
import-binary = Файл содержит двоичные данные, а не текст.
import-too-large = Файл слишком большой ({ $size } МБ; не более { $limit } МБ).
import-no-text-layer = У PDF нет текстового слоя: отсканированные PDF сначала нужно распознать (OCR).
import-no-article-text = На HTML-странице нет текста статьи.
import-unreadable = Файл не читается ({ $reason }).
import-io = Файл не удаётся открыть ({ $error }).
note-legacy-encoding = Обнаружена и преобразована кодировка { $encoding }.
note-replaced = { $n ->
    [one] Заменён { $n } нечитаемый символ.
    [few] Заменены { $n } нечитаемых символа.
   *[many] Заменено { $n } нечитаемых символов.
}
note-pages-without-text = Страницы без текста: { $pages }.
note-pages-unreadable = Нечитаемые страницы: { $pages }.
note-title-from-first-line = Заголовок взят из первой строки.
note-date-from-dateline = Дата взята из строки с местом и датой.
article-added = «{ $title }» добавлена: связано { $n ->
    [one] { $n } топоним
    [few] { $n } топонима
   *[many] { $n } топонимов
}, из них проверить: { $review }.
article-duplicate = «{ $title }» уже есть в вашей библиотеке: ничего не добавлено.
draft-of = Файл { $i } из { $n }
place-on-map = Нажмите на карту там, где находится «{ $name }» (Esc: отмена).
undone = Отменено.
redone = Восстановлено.
not-saved = Не сохранено: { $error }. Ваша библиотека не изменилась.

## Уроки
count-tours = { $n ->
    [one] { $n } тур
    [few] { $n } тура
   *[many] { $n } туров
}
count-processes = { $n ->
    [one] { $n } процесс
    [few] { $n } процесса
   *[many] { $n } процессов
}
nothing-new = ничего нового
lesson-imported = Урок «{ $title }» принят: { $what }; уже было: { $merged }.
lesson-kept-both = Сохранены оба: { $names }.
lesson-saved = Урок сохранён: { $path } ({ $what })
history-reset = { $why }. Правки прошлых сеансов больше нельзя отменить; старый журнал отложен в сторону.
lesson-not-written = { $path }: { $error }. Урок не сохранён.
lesson-refused = { $path }: { $error }. Ничего не принято.

## Онлайн-подложки
tiles-unreachable = Подложка: тайлы с { $host } не загрузились; показана встроенная карта.
template-scheme = Адрес начинается с https:// или http://.
template-no-host = После // не хватает имени сервера.
template-space = В адресе не бывает пробелов.
template-missing = Не хватает { $missing }: туда карта подставляет номера тайла.

## Туры
pick-passage-for = Выбрать фрагмент для шага { $step }
step-added = Шаг { $n } записан.

## Даты из текста
date-from-words = из «{ $words }»
date-from-words-and-article = из «{ $words }» и даты статьи { $article }

## Вопросы викторины
and = и
quiz-where-rounds = Где с { $year } года проходили переговоры (тема: { $about })?
quiz-where-event = Где состоялось событие «{ $title }» ({ $date })?
quiz-which-process = К какому процессу относится «{ $title }»?
quiz-which-process-dated = К какому процессу относится «{ $title }» ({ $date })?
quiz-order = Расположите эти события по порядку, начиная с самого раннего.

## Викторина и туры на панели
quiz-progress = Викторина · { $i } из { $n }
quiz-score = Верно: { $right } из { $answered }
quiz-answer-distance = Правильный ответ: { $place } · расстояние { $km } км
tour-with-steps = { $title } · { $n ->
    [one] { $n } шаг
    [few] { $n } шага
   *[many] { $n } шагов
}

## Проблемы с данными (файл:строка: ошибка: …)
problem-error = ошибка
problem-warning = предупреждение
problem-linker = названия мест нельзя искать: { $error }
problem-duplicate-id = повторный идентификатор «{ $id }» (впервые в строке { $first }); эта запись пропущена
problem-empty-id = пустой идентификатор; запись пропущена
problem-latitude = { $id }: широта { $value } вне −90…90; место пропущено
problem-longitude = { $id }: долгота { $value } вне −180…180; место пропущено
problem-country-code = { $id }: страна «{ $country }» – не код ISO 3166 alpha-2 вроде KZ
problem-no-source = { $id }: у координаты нет источника
problem-capital = { $id }: столица «{ $capital }» – не место в этом файле
problem-not-a-place = { $what } «{ $id }» – не место в places.toml
problem-did-you-mean = (может быть, «{ $id }»?)
problem-dropped-with = ({ $n ->
    [one] { $n } ссылка
    [few] { $n } ссылки
   *[many] { $n } ссылок
} на него пропущено вместе с ним: { $files })
problem-colour = { $id }: цвет «{ $colour }» не в форме #rrggbb; используется серый
problem-article-unreadable = { $error } (статья «{ $id }», указана в { $file }, строка { $line }); статья пропущена
problem-date-differs = { $id }: дата { $date } отличается от даты { $stated }, которую называет сама статья
problem-date-early = { $id }: дата { $date } раньше 1900 года
problem-date-future = { $id }: дата { $date } в будущем
problem-process = { $id }: процесса «{ $process }» нет в processes.toml
problem-participant-place = { $id }: участник «{ $who }» – место, но не государство
problem-participant-unknown = { $id }: участник «{ $who }» – ни государство в places.toml, ни актор в actors.toml
problem-person = { $id }: лица «{ $person }» нет в actors.toml
problem-no-place = { $id }: место не указано, событие не стоит ни у одного маркера
problem-source-article = { $id }: статьи «{ $article }» нет в articles.toml (или она не читается)
problem-quote = { $id }: цитаты нет в { $file } («{ $quote }»)
problem-unused-place = место «{ $id }» не используется ни одним событием и не упомянуто ни в одной статье
problem-toml-syntax = синтаксис TOML: { $error }; таблица пропущена
problem-unknown-table = неизвестная таблица «{ $name }»: в этом файле только таблицы [[{ $key }]]
problem-not-array = «{ $key }» должен быть списком таблиц, записанным как [[{ $key }]]
problem-record-skipped = пропущена запись [[{ $key }]]: { $error }
problem-tour-skipped = ; тур пропущен
problem-duplicate-tour = повторный идентификатор тура «{ $id }» (впервые в { $file }, строка { $line }); этот тур пропущен
problem-tour-no-steps = в туре нет [[step]]; он пропущен
problem-tour-no-step-loads = ни один шаг тура не загружается (см. выше); тур пропущен
problem-not-a-tour = не тур: { $error } (тур начинается с id, title_de и title_en); файл пропущен
problem-tour-key-empty = { $key } тура пусто; тур пропущен
problem-step-skipped = ; шаг пропущен
problem-step-no-caption = у шага нет { $key }: каждому шагу нужна подпись на немецком и английском
problem-key-empty = { $key } пусто
problem-caption-long = в { $key } { $chars } знаков; больше { $max } не прочесть с задних рядов, перенесите остальное в заметки
problem-step-no-view = у шага нет вида: укажите place, fit_events или view
problem-step-two-views = { $second } – второй вид рядом с { $first }: укажите только одно из place, fit_events или view
problem-fit-events-empty = fit_events не называет ни одного события
problem-view-form = view должен быть [широта, долгота, масштаб], например [40.0, 45.5, 7.0]
problem-view-range = view: { $what } { $value } вне { $min }…{ $max }
problem-range-form = range должен состоять из двух дат, например ["2013-02", "2013-04"]
problem-range-order = range: { $first } позже { $last }; сначала более ранняя дата
problem-range-unknown = range: неизвестной дате нет места на шкале времени; уберите range, чтобы показать всё
problem-range-date = range: { $error }
problem-not-an-event = { $key }: «{ $id }» – не событие в events.toml
problem-event-outside-range = { $key }: «{ $id }» ({ $date }) вне периода шага, шкала времени его скрывает
problem-passage-article = passage: статьи «{ $article }» нет в articles.toml (или она не читается)
problem-passage-empty = passage: цитата пуста
problem-passage-quote = passage: цитаты нет в { $file } («{ $quote }»)
problem-library-colour = процесс «{ $id }»: цвет «{ $colour }» не #rrggbb; пропущен
problem-in-event = { $id }:
problem-unknown-place = неизвестное место «{ $id }»; пропущено
problem-unknown-participant = участник «{ $id }» – ни государство, ни актор; пропущен
problem-unknown-article = неизвестная статья «{ $id }»; пропущена
problem-quote-not-in = цитаты нет в «{ $id }»; пропущена
problem-unknown-process = неизвестный процесс «{ $id }»; пропущен
problem-place-id-taken = место «{ $id }»: идентификатор занят; место пропущено
problem-link-unknown-place = «{ $text }»: неизвестное место «{ $id }»; связь пропущена
problem-link-not-in-text = «{ $text }» нет в тексте статьи; связь пропущена
problem-event-id-taken = событие «{ $id }»: идентификатор занят; событие пропущено
problem-article-text-missing = текст статьи отсутствует
problem-cannot-create = не удаётся создать: { $error }

## Моря на карте
sea-black-sea = Чёрное море
sea-caspian-sea =
    Каспийское
    море
sea-mediterranean = Средиземное море
sea-arabian-sea = Аравийское море
sea-persian-gulf = Персидский залив
sea-red-sea = Красное море
sea-baltic-sea = Балтийское море
sea-sea-of-azov = Азовское море
sea-north-atlantic = Северная Атлантика

## Линии на карте (для экранного диктора)
line-event = Линия { $from } → { $to }: { $title } ({ $date })
line-bundle = Линия { $from } – { $to }: { $n ->
    [one] { $n } событие
    [few] { $n } события
   *[many] { $n } событий
}

## Иллюстрации и раздатки
fig-processes = Процессы
fig-other-places = другие места
fig-marker-note = Круг: место событий (размер: их число)
fig-conflict-marker-note = Круг: регион конфликта (размер: число переговоров)
fig-group-note = Число в круге: несколько мест
fig-selected = выбранное место
fig-all-dates = все периоды
fig-credit-map = Карта: Natural Earth (общественное достояние)
fig-credit-places = Места: GeoNames (www.geonames.org), CC BY 4.0
fig-credit-app = Mediation Atlas
fig-km = км
fig-export-title = Экспорт карты как иллюстрации
fig-export-prompt = Файл (только карта, с заголовком, периодом, легендой, масштабом и источниками):
export-data = Данные:
export-data-geojson = GeoJSON
export-data-csv = CSV (таблица)
export-data-kml = KML (Google Earth)
export-data-timeline = TimelineJS
export-data-lpf = Места (Linked Places)
export-data-what = То, что показано: события, оставленные фильтрами, и видимые слои с их фильтрами.
fig-format = Формат:
fig-format-png = PNG (изображение)
fig-format-svg = SVG (вектор, для печати)
fig-size-map = как карта
fig-tour-pdf = Тур как PDF-раздатка …
fig-tour-pdf-hint = Одна страница A4 на шаг: карта, подпись и цитата с источником.
fig-tour-pdf-title = Сохранить тур как PDF-раздатку
fig-tour-pdf-prompt = Файл (PDF, одна страница на шаг):
fig-writing = Записывается …
page-of = Страница { $page } из { $pages }
step-of = Шаг { $step } из { $steps }
quoted = «{ $text }»

## Imported layers (datasets beside the curated events)
layers-title = Слои
layers-loading = Слои загружаются …
# $count is $n with the language's digit grouping ("1 000 000").
layer-records = { $n ->
    [one] { $count } запись
    [few] { $count } записи
   *[many] { $count } записей
}
layer-records-kept = { $kept } из { $count }
layer-filter-button = Фильтр
layer-filters = Фильтры слоя «{ $layer }»
layer-search = Поиск
layer-search-tip = Поиск в слое «{ $layer }»
layer-search-hint = место, участник, текст …
layer-filters-clear = Сбросить фильтры
layer-cluster = { $records } в слое «{ $layer }» – нажмите, чтобы приблизить
layer-toggle = Показать или скрыть слой «{ $layer }»
marker-country-only = Известна только страна: точка обозначает всю страну, а не город.

## Importing a dataset as a layer (the dialog, its progress and its report)
dataset-menu = Импортировать набор данных …
dataset-title = Импорт набора данных как слоя
dataset-pick = Выберите набор данных
dataset-file = Файл
dataset-recognised = Распознано как
dataset-kind-ged = UCDP GED (геопривязанные события)
dataset-kind-acled = события ACLED
dataset-kind-pax = мирные соглашения PA-X
dataset-kind-atlas = экспорт Mediation Atlas
dataset-kind-geojson = объекты GeoJSON
dataset-kind-kml = метки KML
dataset-kind-csv = собственная таблица (CSV): укажите ниже, какой столбец что содержит
dataset-preview = Первые строки
dataset-columns = Столбцы
dataset-none = (нет)
dataset-latitude = Широта
dataset-longitude = Долгота
dataset-date = Дата
dataset-start = Дата (начало)
dataset-end = Дата (конец)
dataset-title-column = Название
dataset-place = Название места
dataset-actors = Участники
dataset-category = Категория
dataset-note = Примечание
dataset-id = Идентификатор
dataset-slash-order = 1/2/2017 означает
dataset-day-first = 1 февраля (сначала день)
dataset-month-first = 2 января (сначала месяц)
dataset-name = Название слоя
dataset-color = Цвет
dataset-import = Импортировать
dataset-no-location = Выберите столбцы широты и долготы или столбец с названием места: без них записи нельзя нанести на карту.
dataset-read-only = Эта библиотека открыта в другом окне: здесь ничего нельзя добавить.
dataset-no-library = Нет папки для библиотеки, поэтому ничего нельзя сохранить.
dataset-no-preview = Файл нельзя показать: { $reason }
dataset-reading = Чтение … { $percent } %
dataset-cancelled = Импорт отменён; ничего не добавлено.
dataset-failed = { $file } не удалось импортировать: { $reason }
# $count is $records with digit grouping.
dataset-imported = Слой «{ $layer }»: { $records ->
    [one] импортирована { $count } запись
    [few] импортировано { $count } записи
   *[many] импортировано { $count } записей
}, { $skipped ->
    [one] пропущена { $skipped } строка
    [few] пропущено { $skipped } строки
   *[many] пропущено { $skipped } строк
}.
dataset-more-problems = … и ещё проблем: { $n }
dataset-error-io = файл не читается ({ $detail })
dataset-error-format = это недопустимый { $format } ({ $detail })
dataset-error-no-header = в файле нет строки заголовков
dataset-error-not-collection = это не GeoJSON FeatureCollection
dataset-error-not-kml = это не документ KML
dataset-error-too-large = в нём больше текста, чем может вместить слой
dataset-error-save = слой не удалось сохранить ({ $detail })
problem-field-count = в строке другое число полей, чем в заголовке; пропущена
problem-coordinate = широта или долгота не задают место; строка пропущена
problem-date = дату невозможно прочитать; строка пропущена
problem-precision = код точности вне шкалы набора данных; сохранён как неизвестный
problem-place-not-found = справочник мест не знает «{ $place }»; сохранено без места
problem-malformed = не то, что формат требует от объекта; пропущено
web-library-not-kept = Этот браузер не позволяет странице ничего сохранять (приватное окно?): статьи, события и туры, добавленные здесь, пропадут после закрытия страницы. Сохраните их заранее как урок (.atlas).
export-downloaded = Загружено: { $name }
problem-library-held = Библиотека открыта в другом окне или вкладке: здесь она только читается, изменения не сохраняются.
problem-not-kept = Изменение не удалось сохранить ({ $error }). Сохраните свои материалы как урок (.atlas).
