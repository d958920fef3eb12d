# Русский — основной язык бота. Каждый ключ должен быть и в en.ftl (это проверяет тест).
# Сообщения отправляются с parse_mode HTML: разметка — <b>, <i>, <code>; переменные экранируются кодом.

## Общее

main-menu = Главное меню. Выберите раздел 👇
menu-courses = 📚 Курсы
menu-lessons = 🏫 Открытые уроки
menu-materials = 📂 Материалы
menu-meetings = 📅 Встречи
menu-profile = 👤 Профиль
menu-methodist = 🛠 Методисту
methodist-panel = 🛠 <b>Инструменты методиста</b>
methodist-panel-district = 🏙 Ваш район: { $district }. Рассылки, встречи, курсы, проверка уроков и материалов, отчёты — для его педагогов.
unknown-text = Я не понял сообщение. Выберите раздел в меню внизу или отправьте /help.
unknown-button = Эта кнопка устарела. Откройте раздел заново из меню.
error-internal = ⚠️ Что-то пошло не так, и я не смог выполнить действие. Ничего не потеряно — попробуйте ещё раз через минуту. Если ошибка повторится, напишите методисту.
need-registration = Сначала зарегистрируйтесь — это займёт меньше минуты: /start
forbidden-methodist = ⛔ Это могут делать только методисты.
forbidden-admin = ⛔ Это могут делать только администраторы.
cancelled = Действие отменено.
nothing-to-cancel = Отменять нечего.
flow-reset = ℹ️ Бот обновился, и начатое вами действие пришлось прервать. Пожалуйста, начните его заново — прежние ответы не сохранились.
expect-text = Пожалуйста, ответьте текстом. Чтобы выйти, отправьте /cancel.
expect-button = Пожалуйста, нажмите одну из кнопок выше. Чтобы выйти, отправьте /cancel.
expect-school = Напишите название или номер школы либо нажмите кнопку со школой. Чтобы выйти — /cancel.
expect-subjects = Отметьте предметы кнопками выше и нажмите «Готово». Чтобы выйти — /cancel.
finish-step-first = Сначала завершите текущий шаг или отправьте /cancel.
state-on = вкл.
state-off = выкл.
lang-ru = 🇷🇺 Русский
lang-en = 🇬🇧 English
role-teacher = педагог
role-methodist = методист
role-admin = администратор

## Команды (меню команд Telegram)

cmd-start = Начать / регистрация
cmd-menu = Главное меню
cmd-profile = Мой профиль
cmd-language = Язык / Language
cmd-help = Помощь
cmd-cancel = Отменить текущее действие
cmd-deleteme = Удалить мои данные
cmd-methodists = Список методистов
cmd-role = Назначить или снять методиста
cmd-directory = Загрузить школы или предметы (CSV)

## Помощь

help =
    <b>Методическая сеть района</b>
    Здесь курсы повышения квалификации, открытые уроки коллег, банк материалов и встречи РМО.

    Разделы — в меню внизу экрана.
    /profile — ваши данные и уведомления
    /language — язык
    /cancel — выйти из любого действия
    /deleteme — удалить ваши данные
help-unregistered =
    <b>Методическая сеть района</b>
    Чтобы пользоваться ботом, зарегистрируйтесь: /start — это меньше минуты.
    /language — язык, /cancel — отменить действие.
help-methodist = 🛠 Инструменты методиста — кнопка «Методисту» в меню.
help-in-flow = Вы сейчас в середине действия: ответьте на последний вопрос или отправьте /cancel.

## Регистрация

start-choose-language =
    Здравствуйте! Это бот методической сети района. 👋
    Выберите язык / Choose your language:
language-choose = Выберите язык / Choose your language:
language-chosen = Язык: русский 🇷🇺
consent-text =
    <b>Согласие на обработку персональных данных</b>

    Чтобы записывать вас на курсы, уроки и встречи, бот хранит ваши ФИО, школу, предметы, идентификатор Telegram и то, что вы укажете сами, например категорию (152-ФЗ «О персональных данных»).
    Кто это видит:
    • коллеги — ваши ФИО и школу на открытых уроках и материалах, которые вы опубликуете;
    • методисты района, методисты региона и администраторы бота — ваши данные, в списках и отчётах для методической работы; список записавшихся на курс получает его организатор.
    Удалить всё можно в любой момент командой /deleteme.

    Вы согласны?
consent-agree = ✅ Даю согласие
consent-decline = ❌ Не даю согласия
consent-declined = Хорошо, мы ничего не сохранили. Если передумаете — отправьте /start.
ask-full-name = Как вас зовут? Напишите фамилию, имя и отчество, например: <i>Иванова Мария Петровна</i>.
error-name-too-long = Слишком длинно: не больше { $max } символов.
error-name-bad-chars = В ФИО могут быть только буквы, пробелы и дефис.
error-name-too-short = Напишите хотя бы фамилию и имя.
error-name-too-many-words = Слишком много слов: нужны фамилия, имя и отчество.
ask-school =
    🏫 В какой школе вы работаете?
    Напишите название или номер (например, «5» или «берёзовская») либо откройте список.
school-list-button = 📋 Весь список
school-search-none = Школ по запросу «{ $query }» не нашлось. Попробуйте написать иначе или откройте список.
school-search-results = Выберите вашу школу (или напишите запрос ещё раз):
school-list-page = Школы района, страница { $page } из { $pages }. Выберите свою:
school-list-districts = Выберите район, затем школу:
school-list-other = Другие школы
school-list-back = ⬅️ К районам
school-list-page-district = { $district }: школы, страница { $page } из { $pages }. Выберите свою:
school-chosen = 🏫 Школа: { $school }
error-school-not-found = Такой школы больше нет в справочнике. Выберите другую.
ask-subjects = 📚 Какие предметы вы ведёте? Отметьте все и нажмите «Готово».
subjects-done = Готово ✔️
subjects-chosen = 📚 Предметы: { $subjects }
error-subjects-empty = Отметьте хотя бы один предмет.
error-subject-not-found = Такого предмета больше нет в справочнике.
registered =
    Готово, { $name }! Вы зарегистрированы. 🎉
    Разделы — в меню внизу: курсы, открытые уроки, материалы и встречи.
welcome-back = С возвращением, { $name }! Выберите раздел 👇

## Профиль

profile-card =
    👤 <b>Профиль</b>
    ФИО: { $name }
    Школа: { $school }
    Предметы: { $subjects }
    Язык: { $language }
    Роль: { $role }
    🎓 Аттестация: { $attestation }
    🔔 Новые курсы по моим предметам: { $courses }
    📣 Несрочные объявления: { $announcements }
profile-record =
    📈 <b>Учебный год { $year }</b>
    🎓 Пройдено курсов повышения квалификации: { $courses }{ $hours ->
        [0] {""}
       *[other] {" "}({ $hours } ч)
    }
    🗓 Посещено встреч: { $meetings }
    🏫 Открытые уроки: свои — { $given }, посещённые — { $visited }
    📚 Материалы в копилке: { $materials }
profile-edit-name = ✏️ ФИО
profile-edit-school = 🏫 Школа
profile-edit-subjects = 📚 Предметы
profile-edit-language = 🌐 Язык
profile-toggle-courses = 🔔 Новые курсы
profile-toggle-announcements = 📣 Объявления
profile-delete = 🗑 Удалить мои данные
profile-updated = ✅ Сохранено. Профиль — /profile
deleteme-confirm =
    <b>Удалить все ваши данные?</b>
    ФИО, школа, предметы, записи на курсы и встречи, ваши материалы и оценки будут удалены безвозвратно.
deleteme-yes = 🗑 Да, удалить всё
deleteme-no = Нет, оставить
deleteme-done = Ваши данные удалены. Если захотите вернуться — отправьте /start.
deleteme-kept = Хорошо, ничего не удалено.

## Администратор

role-ask-user = Чью роль изменить? Напишите часть ФИО, @username или Telegram ID.
role-search-none = Никого не нашлось. Попробуйте иначе (только зарегистрированные пользователи).
role-pick-user = Выберите человека:
role-search-more = Нашлось { $total }, показаны первые { $shown } — уточните запрос: фамилия и имя, @username или Telegram ID.
role-user-card = { $name } — сейчас { $role }.
role-make-methodist = 🛠 Сделать методистом
role-make-teacher = 👤 Сделать педагогом
role-cancel = Отмена
role-changed = ✅ { $name } теперь { $role }.
role-granted-notice = 🛠 Вам выдана роль методиста. В меню появилась кнопка «Методисту» — там инструменты для работы с районом.
role-revoked-notice = Роль методиста снята. Если это ошибка, обратитесь к администратору.
error-forbidden = ⛔ Недостаточно прав.
error-user-not-found = Этот пользователь не найден (возможно, он удалил свои данные).
error-role-admin-fixed = Роль администратора задаётся в настройках сервера (ADMIN_TELEGRAM_IDS), здесь её не изменить.
methodists-title = 🛠 <b>Методисты и администраторы</b>
methodists-line = • { $name } — { $role }
methodists-none = Методистов пока нет. Назначьте: /role
role-change-district = 🏙 Сменить район
role-ask-district = { $name } — методист какого района? Рассылки, встречи и отчёты будут только для педагогов этого района, и видеть он(а) будет только их.
role-district-all = Все районы
role-district-line = Район: { $district }
role-granted-one-notice = 🛠 Вам выдана роль методиста района «{ $district }». В меню появилась кнопка «Методисту» — там инструменты для работы с педагогами района.
role-granted-all-notice = 🛠 Вам выдана роль методиста региона. В меню появилась кнопка «Методисту» — там инструменты для работы с педагогами.
role-district-one-notice = 🏙 Теперь вы методист района «{ $district }»: рассылки, встречи, курсы и отчёты — для его педагогов.
role-district-all-notice = 🏙 Теперь вы методист региона: рассылки, встречи, курсы и отчёты — для всех педагогов.
methodists-line-district = • { $name } — { $role }, { $district }
error-district-not-found = Такого района нет в справочнике. Загрузите справочник школ со столбцом <code>district</code> (или «район»): /directory
directory-ask-file =
    Пришлите CSV-файл (UTF-8, разделитель «,» или «;»):
    • школы — столбцы <code>name</code> и (необязательно) <code>cluster</code> — школьный округ, <code>district</code> — район (для региона из нескольких районов);
    • предметы — столбцы <code>code</code>, <code>name_ru</code>, <code>name_en</code>.
    Существующие записи обновятся, новые добавятся; первый файл заменит образец, с которым бот устанавливается. Отмена — /cancel.
directory-not-csv = Это не CSV-файл. Сохраните таблицу как «CSV UTF-8» и пришлите снова.
directory-too-big = Файл больше { $max } — это не похоже на справочник района.
directory-kind-schools = Школы
directory-kind-subjects = Предметы
directory-report =
    ✅ <b>{ $kind }: справочник загружен</b>
    Добавлено: { $added }, обновлено: { $updated }, строк с ошибками: { $errors }.
directory-report-districts = Районов в файле: { $count }. Методиста района назначают в /role.
directory-report-samples-removed = 🧹 Удалено из образца, с которым бот устанавливается: { $count }.
directory-report-samples-kept = Из образца оставлены, потому что к ним уже привязаны люди или события ({ $count }): { $names }. Следующий файл удалит их, когда привязанных не останется.
directory-line-error = Строка { $line }: { $problem }
directory-more-errors = …и ещё { $count }.
csv-problem-empty-name = пустое название
csv-problem-too-long = слишком длинное название
csv-problem-duplicate = повтор
csv-problem-bad-code = код должен быть латиницей без пробелов
directory-report-without-district = Без района (пустая ячейка в столбце района): { $count }.
directory-report-moved = 🏙 Перенесены в другой район: { $count }, педагогов и методистов в них: { $people }.
directory-no-district = без района
directory-move-line = • { $school }: { $from } → { $to } (людей: { $people })
directory-moves-ask =
    ⚠️ Школ в файле, названных как школа, которая сейчас в другом районе: { $count } (людей в них: { $people }). Пока ничего не загружено.
    Это те же школы, переехавшие в другой район (с их педагогами), или другие школы с таким же названием?
directory-moves-move = 🏙 Те же — перенести
directory-moves-new = ➕ Другие — добавить новыми
directory-moves-cancel = Отмена
csv-problem-ambiguous = школа с таким названием есть в нескольких районах — добавьте столбец «район»
error-csv-unreadable = Не удалось прочитать файл как CSV. Проверьте кавычки и кодировку (UTF-8).
error-csv-empty = В файле нет строк с данными.
error-csv-too-long = Слишком много строк: не больше { $max }.
error-csv-unknown-columns = Не нашлось нужных столбцов: для школ — name, для предметов — code и name_ru.

## Даты (общие для всех разделов)

error-date-format = Не понял дату. Напишите так: <code>25.12 14:30</code> или <code>25.12.2026 14:30</code>.
error-date-invalid = Такой даты или времени не бывает. Проверьте число, месяц и время.
error-date-past = Это время уже прошло. Укажите дату в будущем.
