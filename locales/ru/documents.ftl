# Документы: свидетельства (PDF), портфолио педагога, проверка подлинности по номеру.
# Ключи doc-* — текст самих PDF-документов (без HTML-разметки); остальные — сообщения бота (HTML).

cmd-documents = Мои документы: свидетельства и портфолио
cmd-verify = Проверить свидетельство по номеру
cmd-teacher = Карточка педагога и его портфолио

## Где найти

profile-documents = 📄 Мои документы
documents-certificate-button = 🏅 Получить свидетельство (PDF)
meeting-attended-notice =
    ✅ Методист отметил ваше участие: { $kind } «{ $title }», { $when }.
    Сертификат участника — кнопкой ниже или в разделе «Профиль» → «Мои документы».

## «Мои документы»

documents-title = 📄 <b>Мои документы</b>
documents-intro = Свидетельства о публикации материалов и о проведении открытых уроков, сертификаты участника встреч, которые отметил методист. У каждого свой номер и QR-код для проверки.
documents-empty = Пока нет ничего, за что выдаётся свидетельство: опубликуйте материал, проведите открытый урок или примите участие во встрече, которую отметит методист.
documents-entry-material = 📚 { $day } · «{ $title }»
documents-entry-lesson = 🏫 { $day } · урок «{ $title }»
documents-entry-meeting = 🗓 { $day } · «{ $title }»
documents-entry-number = № { $number }
documents-entry-later = будет доступно с { $day }, когда коллеги оценят урок
documents-entry-new = ещё не выдавалось — нажмите кнопку
documents-portfolio-hint = 📂 <b>Портфолио</b> — курсы, уроки, материалы, встречи и все свидетельства за учебный год одним PDF для аттестационной комиссии.
documents-portfolio-year = 📂 Портфолио { $year }
documents-portfolio-span = 📅 Портфолио за другой период
documents-ask-span = За какой период собрать портфолио? Напишите две даты с годом, например: <code>01.09.2025 – 31.12.2025</code>. Чтобы выйти — /cancel.
documents-in-ru = 🇷🇺 На русском
documents-in-en = 🇬🇧 In English
documents-certificate-caption =
    🏅 <b>{ $title }</b> № <code>{ $number }</code>
    Проверить подлинность: { $url }
documents-portfolio-caption = 📂 <b>Портфолио</b>: { $name }, { $span }. Свидетельств в нём: { $count }.
documents-portfolio-year-span = { $year } учебный год
documents-portfolio-days-span = { $from } – { $until }
documents-file-certificate = Свидетельство_{ $number }.pdf
documents-file-portfolio = Портфолио_{ $name }_{ $span }.pdf
error-documents-not-yours = ⛔ Это документы другого человека.
error-documents-other-district = ⛔ Этот педагог из другого района: его документы готовит методист его района.
error-documents-none-material = Свидетельство выдаётся за ваш материал, опубликованный в банке. Этого материала нет среди ваших опубликованных (возможно, он удалён).
error-documents-none-lesson = Свидетельство выдаётся за ваш открытый урок, который одобрен и уже прошёл. Такого урока не нашлось.
error-documents-none-meeting = Сертификат выдаётся за встречу, на которой методист отметил ваше участие. Отметки об участии в этой встрече нет.
error-documents-lesson-later = Свидетельство об уроке будет доступно с { $day }: к этому дню коллеги успеют оценить урок, и оценка попадёт в документ.
error-documents-span-format = Напишите две даты с годом, например: 01.09.2025 – 31.12.2025.
error-documents-span-invalid = Такой даты нет в календаре — проверьте число и месяц.
error-documents-span-order = Вторая дата раньше первой: сначала начало периода, потом конец.
error-documents-span-long = Период слишком длинный: не больше { $years } лет.

## Проверка подлинности (/verify)

verify-ask =
    🔎 <b>Проверка свидетельства</b>
    Пришлите номер с документа, например: <code>/verify 7K3M-9QX2-HF4C</code>. Или отсканируйте QR-код на свидетельстве.
verify-malformed = ❌ «{ $input }» — не номер свидетельства сети: номер состоит из 12 знаков, например 7K3M-9QX2-HF4C, и последний знак сверяет остальные. Проверьте, не опечатка ли это.
verify-unknown =
    ❌ <b>Свидетельство № { $number } не найдено.</b>
    Сеть такого номера не выдавала: документ с ним не подлинный.
verify-withdrawn =
    ⚠️ <b>Свидетельство № { $number } отозвано.</b>
    Оно было выдано { $day }, но его владелец удалил свои данные из сети, и сведений о нём больше нет.
verify-genuine =
    ✅ <b>Свидетельство № { $number } подлинное.</b>
    { $kind }, выдано { $day }: { $issuer }.

    <b>{ $holder }</b>{ $school } { $statement }
verify-line = { $text }
verify-caveat-material-removed = ⚠️ Материал с тех пор удалён из банка материалов.
verify-caveat-lesson-removed = ⚠️ Урока с тех пор нет в сети.
verify-caveat-attendance-withdrawn = ⚠️ Отметку об участии методист с тех пор снял.

verify-page-title = Проверка свидетельства
verify-page-label = Номер с документа (12 знаков, например 7K3M-9QX2-HF4C)
verify-page-button = Проверить
verify-page-note = Проверка по реестру свидетельств методической сети района
verify-page-in-ru = На русском
verify-page-in-en = In English

## Карточка педагога (/teacher, методисты)

teacher-ask =
    👤 <b>Карточка педагога</b>
    Напишите после команды фамилию (можно с именем), например: <code>/teacher Орлова</code>.
teacher-none = Никого с таким именем среди педагогов { $scope } не нашлось.
teacher-none-scope-all = сети
teacher-none-scope-district = вашего района
teacher-pick = Кого открыть?
teacher-more = Показаны первые { $shown } из { $total } — уточните запрос (имя, отчество).
teacher-card =
    👤 <b>{ $name }</b>
    Школа: { $school }
    Предметы: { $subjects }
    🎓 Аттестация: { $attestation }

## Текст PDF-документов (без разметки)

doc-date = { $date } г.
doc-grades = { $count ->
        [one] { $grades } класс
       *[other] { $grades } классы
    }
doc-certificate-title-material = СВИДЕТЕЛЬСТВО
doc-certificate-subtitle-material = о публикации методического материала
doc-certificate-title-lesson = СВИДЕТЕЛЬСТВО
doc-certificate-subtitle-lesson = о проведении открытого урока
doc-certificate-title-meeting = СЕРТИФИКАТ
doc-certificate-subtitle-meeting = участника методического мероприятия
doc-certificate-number = № { $number }
doc-certificate-confirms = Настоящим подтверждается, что
doc-certificate-statement-material = является автором методического материала «{ $title }» ({ $about }), опубликованного { $date } в банке методических материалов района.
doc-certificate-statement-lesson = является автором открытого урока «{ $title }» ({ $about }; метод: { $method }), проведённого { $date } для педагогов района.
doc-certificate-statement-meeting = является участником { $event } «{ $title }», состоявшегося { $date } (продолжительность: { $hours } ч).
doc-certificate-rating = Оценка урока коллегами: { $rating } из 5 ({ $count } { $count ->
        [one] оценка
        [few] оценки
       *[many] оценок
    }).
doc-certificate-no-rating = Урок проведён без оценок коллег.
doc-meeting-event-association = заседания районного методического объединения
doc-meeting-event-seminar = семинара
doc-meeting-event-master_class = мастер-класса
doc-meeting-event-method_day = методического дня
doc-meeting-event-conference = конференции
doc-meeting-event-council = заседания методического совета
doc-certificate-approved-material = Материал проверен и одобрен методистом: { $name }.
doc-certificate-approved-lesson = Урок согласован методистом: { $name }.
doc-certificate-approved-meeting = Участие отмечено методистом: { $name }.
doc-certificate-issued = Дата выдачи: { $date }
doc-signature-head = Руководитель
doc-signature-methodist = Методист
doc-signature-teacher = Педагог
doc-seal = М. П.
doc-verify-qr = Проверка подлинности: отсканируйте QR-код
doc-verify-bot = или отправьте боту @{ $bot } команду
doc-verify-site = либо введите номер на странице { $url }.
doc-footer = Документ сформирован методической сетью района. Подлинность проверяется по номеру { $number }; документ, номер которого проверка не подтверждает, недействителен.

doc-portfolio-title = ПОРТФОЛИО ПЕДАГОГА
doc-portfolio-subtitle-year = за { $year } учебный год ({ $from } – { $until })
doc-portfolio-subtitle-span = за период с { $from } по { $until }
doc-portfolio-name = ФИО
doc-portfolio-school = Образовательная организация
doc-portfolio-district = Муниципальный район
doc-portfolio-subjects = Предметы
doc-portfolio-category = Квалификационная категория
doc-portfolio-summary = Итоги периода
doc-portfolio-summary-line = Курсов повышения квалификации: { $courses } ({ $hours } ч) · открытых уроков проведено: { $given }, посещено: { $visited } · публикаций: { $materials } · мероприятий: { $meetings } · свидетельств: { $certificates }
doc-portfolio-section-courses = 1. Курсы повышения квалификации
doc-portfolio-section-given = 2. Проведённые открытые уроки
doc-portfolio-section-visited = 3. Посещённые открытые уроки коллег
doc-portfolio-section-materials = 4. Публикации в банке методических материалов
doc-portfolio-section-meetings = 5. Участие в методических мероприятиях
doc-portfolio-section-certificates = 6. Свидетельства и сертификаты
doc-portfolio-none = За этот период записей нет.
doc-portfolio-total-hours = Всего: { $hours } ч
doc-col-n = №
doc-col-course = Курс
doc-col-provider = Организатор
doc-col-dates = Сроки
doc-col-hours = Часов
doc-col-date = Дата
doc-col-topic = Тема урока
doc-col-subject = Предмет, класс
doc-col-guests = Гостей
doc-col-rating = Оценка (число оценок)
doc-col-author = Автор, школа
doc-col-title = Название
doc-col-type = Вид, предмет
doc-col-votes = За / против
doc-col-views = Просмотров
doc-col-event = Мероприятие
doc-col-kind = Форма
doc-col-number = Номер
doc-col-document = Документ
doc-portfolio-certificate-material = Свидетельство о публикации: «{ $title }»
doc-portfolio-certificate-lesson = Свидетельство о проведении открытого урока: «{ $title }»
doc-portfolio-certificate-meeting = Сертификат участника: «{ $title }»
doc-portfolio-verify = Подлинность каждого свидетельства проверяется по номеру: QR-код на самом свидетельстве или команда /verify в боте @{ $bot }.
doc-portfolio-verify-site = Проверка на сайте: { $url }
doc-portfolio-generated = Сформировано { $date } по данным методической сети района.
doc-portfolio-footer = Портфолио: { $name } · { $span } · стр. { $page } из { $pages }
