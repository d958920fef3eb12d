# Банк материалов (методическая копилка). Все идентификаторы начинаются с material- (и error-material-).

cmd-moderate_materials = Материалы на проверке

## Главный экран раздела

material-hub =
    📂 <b>Банк материалов</b>
    Методическая копилка района: планы и конспекты уроков, рабочие программы, КТП, рабочие листы, презентации и видеоуроки коллег.
    Лучшие поднимаются наверх по оценкам 👍 / 👎.
material-hub-browse = 📚 По предметам
material-hub-search = 🔍 Поиск
material-hub-top = 🏆 Лучшие
material-hub-mine = 📁 Мои материалы
material-hub-share = ➕ Поделиться материалом
material-hub-moderate = 🗂 На проверке: { $count }
material-back = ◀ Назад

## Просмотр по предметам

material-bank-empty = В банке пока нет опубликованных материалов. Станьте первым — поделитесь своим!
material-pick-subject = 📚 Выберите предмет (в скобках — сколько материалов):
material-top-pick-subject = 🏆 Лучшие материалы — выберите предмет:
material-pick-type = 📚 { $subject }: какой тип материалов нужен?
material-all-types = Все типы ({ $count })
material-pick-grade = 📚 { $subject } · { $type }: выберите класс.
material-all-grades = Все классы
material-any-type = все типы
material-any-grade = все классы
material-list-heading =
    📚 <b>{ $subject }</b> · { $type } · { $grade }
    { $total ->
        [one] Найден { $total } материал
        [few] Найдено { $total } материала
       *[other] Найдено { $total } материалов
    }, сначала лучшие. Нажмите на материал, чтобы открыть его.
material-list-empty = Здесь пока пусто.
material-list-line = { $n }. { $title } — { $type }, 👍 { $up } · 👎 { $down }
material-list-line-status = { $n }. { $icon } { $title } — 👍 { $up } · 👎 { $down } · 👁 { $views }

## Поиск

material-ask-query = 🔍 Напишите слова из названия или описания, можно и класс, например: <i>дроби 5 класс</i>. Заглавные буквы и «ё» не важны.
material-search-heading =
    🔍 По запросу «{ $query }» { $total ->
        [one] найден { $total } материал
        [few] найдено { $total } материала
       *[other] найдено { $total } материалов
    }, сначала лучшие:
material-search-none = 🔍 По запросу «{ $query }» ничего не нашлось. Попробуйте другие слова или начало слова: «дроб» найдёт и «дроби», и «дробями».
material-search-again = 🔍 Искать ещё
material-search-expired = 🔍 Эти результаты поиска устарели. Повторите поиск, пожалуйста.
error-material-query-empty = Напишите хотя бы одно слово.
error-material-query-long = Слишком длинный запрос (больше { $max } символов): оставьте 2–3 главных слова.

## Лучшие

material-top-month-heading = 🏆 <b>{ $subject }: лучшее за месяц</b> (опубликовано за последние 30 дней)
material-top-all-heading = 🏆 <b>{ $subject }: лучшее за всё время</b>
material-top-empty = Пока нет материалов с оценками коллег.
material-top-month-button = 🗓 Лучшее за месяц
material-top-all-button = 🏆 Лучшее за всё время

## Мои материалы

material-mine-heading = 📁 <b>Мои материалы</b> (всего: { $total }). Оценки и просмотры — в строках, откройте материал, чтобы увидеть подробности или удалить его.
material-mine-empty = У вас пока нет материалов. Поделитесь планом урока, рабочим листом или презентацией — коллегам пригодится!

## Карточка материала

material-type-lesson-plan = План урока
material-type-work-programme = Рабочая программа
material-type-thematic-plan = Календарно-тематический план (КТП)
material-type-lesson-notes = Конспект урока
material-type-worksheet = Рабочий лист
material-type-presentation = Презентация
material-type-video-lesson = Видеоурок
material-type-other = Другое
material-grade-preschool = дошкольники
material-card =
    📄 <b>{ $title }</b>
    { $type } · { $subject } · классы: { $grades }
    Автор: { $author } ({ $school })

    { $description }

    👍 { $up } · 👎 { $down } · рейтинг { $score } из 100 · 👁 { $views }
material-card-link = 🔗 { $url }
material-card-status = Статус: { $icon } { $status }
material-card-reason = Причина: { $reason }
material-status-pending = на проверке
material-status-approved = опубликован
material-status-rejected = отклонён
material-status-cancelled = снят
material-link-button = 🔗 Открыть ссылку
material-file-button-document = 📎 Получить файл
material-file-button-photo = 🖼 Получить изображение
material-file-button-video = 🎬 Получить видео
material-file-caption = 📄 { $title }
material-open-button = 📄 Открыть материал
material-vote-added = Спасибо, ваша оценка учтена!
material-vote-changed = Оценка изменена.
material-vote-withdrawn = Оценка отозвана.
material-vote-still-voted = Ваша оценка уже учтена.
material-vote-still-withdrawn = Ваша оценка уже отозвана.
error-material-own-vote = Свой материал оценивать нельзя — пусть оценят коллеги 🙂
error-material-not-found = Этого материала больше нет (возможно, автор его удалил) или он ещё не опубликован.
material-delete-button = 🗑 Удалить
material-delete-confirm = Удалить материал «{ $title }»? Вместе с ним удалятся все оценки. Вернуть его будет нельзя.
material-delete-yes = 🗑 Да, удалить
material-delete-no = Нет, оставить
material-deleted = 🗑 Материал «{ $title }» удалён.

## Как поделиться материалом

material-ask-source =
    ➕ <b>Новый материал</b>
    Пришлите <b>один</b> файл (документ, презентацию, таблицу, PDF, изображение или видео) или ссылку на материал (например, на облачный диск).
    Выйти — /cancel.
material-expect-source = Нужен файл или ссылка, начинающаяся с http:// или https://. Выйти — /cancel.
error-material-album = Пришлите, пожалуйста, один файл, а не альбом. Если файлов несколько — соберите их в один документ или архив либо выложите на диск и пришлите ссылку.
error-material-kind-unsupported = Такое сообщение не может быть материалом (стикеры, голосовые, аудио, «кружочки» и GIF не принимаются). Нужен документ, изображение, видео или ссылка.
error-material-format-unsupported = Файл «{ $name }» в таком формате не подходит. Принимаются документы (PDF, DOC/DOCX, ODT, RTF, TXT), презентации (PPT/PPTX, ODP), таблицы (XLS/XLSX, ODS), изображения, видео и архивы (ZIP, RAR, 7Z).
error-material-url-bad = Это не похоже на ссылку. Скопируйте адрес целиком, например: <i>https://disk.yandex.ru/…</i>
error-material-url-long = Ссылка слишком длинная: не больше { $max } символов.
material-ask-title = Как называется материал? Например: <i>Сложение дробей с разными знаменателями</i>.
error-material-title-empty = Название не может быть пустым.
error-material-title-short = Слишком коротко: название должно быть не короче { $min } символов.
error-material-title-long = Слишком длинно: не больше { $max } символов. Подробности напишете в описании.
material-ask-type = Какой это материал?
material-type-chosen = Тип: { $type }
material-ask-subject = По какому предмету? (ваши предметы — первыми)
material-subject-chosen = Предмет: { $subject }
material-ask-grades = Для каких классов? Отметьте все подходящие и нажмите «Готово».
material-grades-done = Готово ✔️
material-grades-chosen = Классы: { $grades }
error-material-grades-empty = Отметьте хотя бы один класс.
material-ask-description = Коротко опишите материал: тема, цель, чем он поможет коллегам (до 1000 символов).
error-material-description-empty = Описание не может быть пустым.
error-material-description-short = Напишите чуть подробнее — хотя бы { $min } { $min ->
        [one] символ
        [few] символа
       *[many] символов
    }.
error-material-description-long = Слишком длинно: не больше { $max } символов.
material-preview-title = 👀 <b>Так материал увидят коллеги.</b> Отправить на проверку?
material-preview-title-publish = 👀 <b>Так материал увидят коллеги.</b> Опубликовать?
material-send-button = ✅ Отправить на проверку
material-publish-button = ✅ Опубликовать
material-cancel-button = ❌ Отмена
material-share-cancelled = Хорошо, материал не отправлен.
material-submitted = 🙏 Спасибо! Материал «{ $title }» отправлен на проверку. Когда методист его проверит, я сообщу. Ваши материалы — в разделе «Материалы» → «Мои материалы».
material-published = ✅ Материал «{ $title }» опубликован в банке материалов — коллеги уже могут его найти и оценить. Ваши материалы — в разделе «Материалы» → «Мои материалы».

## Проверка

material-queue-heading = 🗂 <b>Материалы на проверке</b>: { $total }
material-queue-empty = 🗂 Новых материалов на проверке нет.
material-approve-button = ✅ Одобрить
material-reject-button = ❌ Отклонить
material-approved-toast = Материал опубликован.
material-approved-done = ✅ «{ $title }» опубликован, автор получит уведомление.
material-ask-reason = Почему материал «{ $title }» отклонён? Автор увидит этот ответ — напишите, что исправить. Выйти — /cancel.
material-rejected-done = ❌ «{ $title }» отклонён, автор получит уведомление с причиной.
error-material-reason-short = Причина слишком короткая: нужно хотя бы { $min } { $min ->
        [one] символ
        [few] символа
       *[many] символов
    }.
error-material-reason-long = Слишком длинно: не больше { $max } символов.
error-material-already-moderated = Этот материал уже проверил другой методист.
error-material-moderation-own = Свой материал проверять нельзя — его проверит другой методист.
error-material-moderation-other-district = Автор этого материала работает не в школе вашего района — материал проверят методисты района автора или всего региона.
material-moderate-open = 🗂 Открыть очередь
material-notice-pending = 🗂 Новый материал на проверке: «{ $title }» ({ $author }).
material-notice-approved = ✅ Ваш материал «{ $title }» опубликован в банке материалов. Коллеги уже могут его найти и оценить.
material-notice-rejected =
    ❌ Ваш материал «{ $title }» не опубликован.
    Причина: { $reason }
    Исправьте и поделитесь им снова: «Материалы» → «Поделиться материалом».
