# Открытые уроки: предложение урока, модерация, запись, напоминания, отзывы.

cmd-moderate_lessons = Открытые уроки на проверке

lesson-grade =
    { $grade ->
        [preschool] дошкольная группа
       *[other] { $grade } класс
    }
lesson-grade-preschool-short = ДОУ
lesson-grade-preschool = Дошкольная группа

lesson-card =
    🏫 <b>{ $topic }</b>
    📚 { $subject }, { $grade }
    👩‍🏫 Ведёт: { $author }
    🕒 { $when } ({ $duration } мин)
    { $online ->
        [yes] 💻 Онлайн: { $url }
       *[other] 📍 { $school }, { $room }
    }
    🧩 Методика / технология: { $method }
    🪑 Гостей: { $taken } из { $seats }
    ⭐ { $ratingCount ->
        [0] Оценок пока нет
       *[other] Оценка { $rating } из 5 (оценок: { $ratingCount })
    }
lesson-status =
    { $status ->
        [pending] ⏳ Ждёт проверки методистом.
        [expired] ⌛ Методист не успел рассмотреть урок до его начала. Предложите его снова с новой датой.
        [approved] ✅ Одобрен и виден коллегам.
        [rejected] ❌ Отклонён. Причина: { $reason }
       *[other] 🚫 Отменён.
    }
lesson-you-going = ✅ Вы записаны на этот урок.

## Список уроков

lesson-list-title =
    🏫 <b>Открытые уроки коллег</b>
    Предмет: { $subject } · { $grade } · найдено: { $total }
    Выберите урок, чтобы посмотреть подробности и записаться.
lesson-list-empty =
    🏫 <b>Открытые уроки коллег</b>
    Предмет: { $subject } · { $grade }
    Пока нет предстоящих уроков. Измените фильтр или предложите свой урок.
lesson-filter-all-subjects = Все предметы
lesson-filter-all-grades = все классы
lesson-filter-subject-button = 📚 Предмет
lesson-filter-grade-button = 🎓 Класс
lesson-filter-subject-ask = Уроки по какому предмету показать?
lesson-filter-grade-ask = Для какого класса показать уроки?
lesson-best-button = ⭐ Лучшие уроки
lesson-mine-button = 🗂 Мои уроки
lesson-offer-button = ➕ Предложить урок
lesson-back-button = ⬅️ К списку уроков
lesson-join-button = ✍️ Записаться
lesson-leave-button = ↩️ Отменить запись
lesson-joined = Вы записаны! Напомним за день и за час до урока.
lesson-left = Запись отменена, место освободилось.
lesson-open-card = 🏫 Открыть урок
lesson-calendar-title = Открытый урок: { $topic }

## Мои уроки

lesson-mine-title = 🗂 <b>Мои открытые уроки</b>: { $total }
lesson-mine-empty = Вы ещё не предлагали открытых уроков. Покажите коллегам свою методику!
lesson-mine-line =
    <b>{ $topic }</b> — { $when }
    { $status ->
        [pending] ⏳ на проверке
        [expired] ⌛ не рассмотрен вовремя
        [approved] ✅ одобрен
        [rejected] ❌ отклонён
       *[other] 🚫 отменён
    } · гостей: { $taken } из { $seats } · { $ratingCount ->
        [0] оценок нет
       *[other] ⭐ { $rating } ({ $ratingCount })
    }
lesson-move-button = 🕒 Перенести
lesson-cancel-button = 🚫 Отменить урок
lesson-cancel-confirm = Отменить урок? Записавшиеся коллеги получат уведомление.
lesson-cancel-yes = Да, отменить
lesson-cancel-no = Нет, оставить
lesson-cancel-kept = Хорошо, урок остаётся в расписании.
lesson-cancelled = 🚫 Урок «{ $topic }» отменён. Гостей мы предупредили.
lesson-ask-new-time = 🕒 Сейчас урок назначен на { $when }. На какое время его перенести? Например: <code>25.12 14:30</code>.
lesson-changed-time = 🕒 Урок «{ $topic }» перенесён на { $when }. Гости получат уведомление, напоминания перенесены.

## Лучшие уроки

lesson-best-title = ⭐ <b>Лучшие уроки</b> · { $subject }
    В рейтинге уроки, у которых не меньше { $min } { $min ->
        [one] оценки
       *[other] оценок
    }.
lesson-best-empty = ⭐ <b>Лучшие уроки</b> · { $subject }
    Пока нет уроков, у которых хотя бы { $min } { $min ->
        [one] оценка
        [few] оценки
       *[many] оценок
    }. Рейтинг появится, когда коллеги оценят прошедшие уроки.
lesson-best-line = { $n }. <b>{ $topic }</b> — { $author }, { $subject }, { $grade }: ⭐ { $rating } (оценок: { $ratingCount })

## Предложение урока

lesson-offer-intro = ➕ <b>Новый открытый урок</b>. Ответьте на несколько вопросов — в конце покажу, как урок увидят коллеги. Выйти — /cancel.
lesson-ask-subject = 📚 По какому предмету урок?
lesson-offer-other-subject = Другой предмет…
lesson-chosen-subject = 📚 Предмет: { $subject }
lesson-ask-grade = 🎓 В каком классе (или группе) пройдёт урок?
lesson-chosen-grade = 🎓 { $grade }
lesson-ask-topic = 📝 Тема урока? Например: <i>Сложение дробей с разными знаменателями</i>.
lesson-ask-method = 🧩 Коротко: какую методику или технологию вы покажете? Например: <i>технология развития критического мышления, работа в группах</i>.
lesson-ask-date = 🕒 Когда урок? Напишите дату и время, например: <code>25.12 14:30</code> или <code>25.12.2026 14:30</code>.
lesson-ask-duration = ⏱ Сколько минут длится урок? Например: <code>45</code>.
lesson-ask-place = 📍 Где пройдёт урок?
lesson-place-school-button = 🏫 В моей школе
lesson-place-online-button = 💻 Онлайн
lesson-ask-room = 🏫 Школа: { $school }. Укажите кабинет, например: <i>каб. 21</i>.
lesson-ask-url = 💻 Пришлите ссылку на онлайн-урок, например: <code>https://sferum.ru/...</code>
lesson-ask-seats = 🪑 Сколько гостей вы можете принять?
lesson-preview = 👀 <b>Проверьте урок</b> — так его увидят коллеги:
lesson-submit-button = ✅ Отправить на проверку
lesson-publish-button = ✅ Опубликовать
lesson-discard-button = ✖️ Не отправлять
lesson-discarded = Хорошо, урок не отправлен.
lesson-submitted = 📨 Урок отправлен методисту на проверку. Мы сообщим, когда его одобрят.
lesson-published = ✅ Урок опубликован: коллеги уже видят его среди открытых уроков и могут записаться.
lesson-offer-again = Начните заново: «Открытые уроки» → «Предложить урок».

## Модерация

lesson-queue-title = 🛠 <b>Уроки на проверке</b>: { $total }. Самый ранний:
lesson-queue-empty = 🛠 Уроков на проверке нет.
lesson-queue-open = 🛠 Открыть очередь
lesson-approve-button = ✅ Одобрить
lesson-reject-button = ❌ Отклонить
lesson-approved = ✅ Урок «{ $topic }» одобрен, автор получит уведомление.
lesson-ask-reason = Напишите причину отказа — её получит автор урока. Например: <i>уточните тему и кабинет</i>.
lesson-rejected = ❌ Урок «{ $topic }» отклонён, автор получит причину.

## Уведомления

lesson-notice-submitted =
    🛠 Новый открытый урок на проверке: <b>{ $topic }</b>
    { $author }, { $subject }, { $grade }, { $when }.
lesson-notice-approved =
    ✅ Ваш открытый урок «{ $topic }» ({ $when }) одобрен методистом. Коллеги уже могут на него записаться.
lesson-notice-rejected =
    ❌ Ваш открытый урок «{ $topic }» не одобрен.
    Причина: { $reason }
    Исправьте его в карточке урока («Мои уроки») и отправьте на проверку снова.
lesson-notice-moved =
    🕒 Открытый урок «{ $topic }» перенесён: теперь он { $when }.
    Если новое время вам не подходит, отмените запись в карточке урока.
lesson-notice-expired =
    ⌛ Ваш открытый урок «{ $topic }» ({ $when }) методист не успел рассмотреть до его начала, поэтому коллегам он не показывался.
    Если хотите провести его для коллег, предложите урок снова с новой датой.
lesson-notice-cancelled = 🚫 Открытый урок «{ $topic }» ({ $when }) отменён автором.
lesson-notice-guests =
    👥 Ваш открытый урок «{ $topic }», { $when }

    { $changes }

    Сейчас записано гостей: { $taken } из { $seats }.
lesson-guests-joined = Записались ({ $count }):
lesson-guests-left = Отменили запись ({ $count }):
lesson-guests-more = …и ещё { $count }
lesson-reminder-day =
    🔔 { $late ->
        [yes] Напоминание: открытый урок «{ $topic }»
       *[other] Завтра открытый урок «{ $topic }»
    }
    🕒 { $when }
    { $online ->
        [yes] 💻 { $url }
       *[other] 📍 { $school }, { $room }
    }
lesson-reminder-hour =
    🔔 { $late ->
        [yes] Скоро открытый урок «{ $topic }»
       *[other] Через час открытый урок «{ $topic }»
    }
    🕒 { $when }
    { $online ->
        [yes] 💻 { $url }
       *[other] 📍 { $school }, { $room }
    }
lesson-feedback-request =
    📝 Спасибо, что побывали на открытом уроке «{ $topic }» ({ $author })!
    Оцените его, пожалуйста: это займёт минуту и поможет коллегам выбрать лучшие методики. Изменить оценку можно в течение { $days } дн.
lesson-summary =
    📊 <b>Итоги открытого урока «{ $topic }»</b>
    Оценок: { $count }
    Ясность цели: { $goal }
    Применение методики: { $method }
    Активность учащихся: { $activity }
    Общая оценка: ⭐ { $overall }
    Отзывы:
    { $comments }
lesson-summary-empty = 📊 Открытый урок «{ $topic }» прошёл, но гости пока не оставили оценок.

## Оценка урока

lesson-rate-button = ⭐ Оценить урок
lesson-rate-intro = 📝 Оценка урока «{ $topic }»: по каждому пункту от 1 (слабо) до 5 (отлично).
lesson-rate-intro-again = 📝 Вы уже оценивали урок «{ $topic }». Новые ответы заменят прежние.
lesson-rate-ask-goal = 🎯 Насколько ясно была поставлена цель урока?
lesson-rate-ask-method = 🧩 Насколько удачно применена методика?
lesson-rate-ask-activity = 🙋 Насколько активны были учащиеся?
lesson-rate-ask-comment = 💬 Напишите короткий отзыв или совет автору — или нажмите «Пропустить».
lesson-rate-skip = Пропустить
lesson-rate-thanks = 🙏 Спасибо! Ваша оценка сохранена.

## Ошибки

error-lesson-not-found = Этот урок не найден — возможно, его удалили.
error-lesson-not-yours = Это не ваш урок.
error-lesson-closed = Урок уже отменён.
error-lesson-cancel-rejected = Отклонённый урок и так не виден коллегам — отменять его не нужно.
error-lesson-already-started = Урок уже начался или прошёл.
error-lesson-not-open = На этот урок сейчас нельзя записаться.
error-lesson-own = Нельзя записаться на собственный урок.
error-lesson-full = Свободных мест больше нет.
error-lesson-already-going = Вы уже записаны на этот урок.
error-lesson-not-going = Вы не записаны на этот урок.
error-lesson-changed-under-review = Автор изменил урок, пока вы его смотрели. Посмотрите его ещё раз.
error-lesson-review-too-late = Урок уже начался, а его так и не рассмотрели: автор получил уведомление и может предложить его снова с новой датой.
error-lesson-calendar-cancelled = Этот урок отменён — добавлять его в календарь не нужно.
error-lesson-calendar-unpublished = Этот урок ещё не опубликован: добавить его в календарь можно после одобрения.
error-lesson-not-pending = Этот урок уже проверен другим методистом.
error-lesson-moderation-own = Свой урок проверять нельзя — его проверит другой методист.
error-lesson-moderation-other-district = Автор этого урока работает не в школе вашего района — урок проверят методисты района автора или всего региона.
error-lesson-rate-not-guest = Оценить урок могут только коллеги, которые были на нём записаны.
error-lesson-rate-too-early = Урок ещё не прошёл — оценить его можно после окончания.
error-lesson-rate-closed = Оценки принимаются { $days } дн. после урока — это время прошло.
error-lesson-score-bad = Оценка — число от 1 до 5.
error-lesson-grade-bad = Выберите класс кнопкой.
error-lesson-topic-bad = Тема должна быть от { $min } до { $max } символов.
error-lesson-method-bad = Описание методики — от { $min } до { $max } символов.
error-lesson-room-bad = Кабинет — не длиннее { $max } символов.
error-lesson-reason-bad = Причина — от { $min } до { $max } символов.
error-lesson-comment-bad = Отзыв — не длиннее { $max } символов.
error-lesson-duration-bad = Напишите длительность числом минут: от { $min } до { $max }.
error-lesson-seats-bad = Напишите число мест цифрами: от { $min } до { $max }.
error-lesson-url-bad = Это не похоже на ссылку. Пришлите адрес целиком, начиная с <code>https://</code>.

## Изменение урока

lesson-seats-button = 🪑 Места
lesson-place-button = 📍 Место
lesson-ask-new-seats = 🪑 Сейчас мест для гостей: { $seats } (записано { $taken }). Сколько гостей вы можете принять теперь?
lesson-changed-seats = 🪑 Урок «{ $topic }»: мест для гостей — { $seats } (записано { $taken }).
lesson-place-changed = 📍 Место урока «{ $topic }» изменено. Гости получат уведомление.
lesson-duration-button = ⏱ Длительность
lesson-topic-button = 📝 Тема
lesson-method-button = 🧩 Методика
lesson-ask-new-duration = ⏱ Сейчас урок длится { $duration } мин. Сколько минут он будет длиться?
lesson-changed-duration = ⏱ Урок «{ $topic }» теперь длится { $duration } мин. Гости получат уведомление.
lesson-ask-new-topic =
    📝 Сейчас тема урока: <i>{ $topic }</i>
    Напишите новую тему.
lesson-ask-new-method =
    🧩 Сейчас методика / технология: <i>{ $method }</i>
    Опишите её заново.
lesson-revised =
    ✏️ Урок «{ $topic }» изменён. { $status ->
        [approved] Гости и методисты получат уведомление.
        [rejected] Когда всё будет готово, отправьте урок снова кнопкой в его карточке.
       *[other] Методист увидит урок уже с изменениями.
    }
lesson-notice-revised =
    ✏️ Автор уточнил открытый урок, на который вы записаны ({ $when }):
    🏫 <b>{ $topic }</b>
    🧩 Методика / технология: { $method }
lesson-notice-revised-staff =
    ✏️ Автор изменил одобренный открытый урок ({ $author }, { $subject }, { $grade }, { $when }).
    Тема: { $oldTopic } → <b>{ $topic }</b>
    Методика / технология: { $oldMethod } → { $method }
lesson-notice-duration =
    ⏱ Открытый урок «{ $topic }» ({ $when }) теперь длится { $duration } мин.
lesson-notice-place =
    📍 У открытого урока «{ $topic }» ({ $when }) новое место:
    { $online ->
        [yes] 💻 Онлайн: { $url }
       *[other] 📍 { $school }, { $room }
    }
error-lesson-seats-below-taken = Уже записано гостей: { $taken }. Мест не может быть меньше.
lesson-resubmit-button = 📨 Отправить на проверку снова
lesson-resubmitted = 📨 Урок «{ $topic }» снова отправлен методисту на проверку.
lesson-republish-button = ✅ Опубликовать снова
lesson-republished = ✅ Урок «{ $topic }» опубликован — коллеги уже могут на него записаться.
error-lesson-not-rejected = Этот урок не отклонён — отправлять его снова не нужно.
