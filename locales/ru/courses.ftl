# Курсы повышения квалификации: каталог, запись, лист ожидания, управление курсами.
cmd-courses = Курсы повышения квалификации
cmd-mycourses = Мои курсы
cmd-newcourse = Создать курс
cmd-courses_admin = Управление курсами

course-format-in-person = очно
course-format-online = дистанционно
course-format-visiting = с выездом в район
course-status-open = идёт запись
course-status-closed = запись закрыта
course-status-cancelled = курс отменён
course-status-finished = курс завершён
course-status-deadline-passed = срок записи истёк
course-status-running = курс идёт

course-seats-left = свободно мест: { $left } из { $seats }
course-seats-waiting = мест нет (занято { $seats } из { $seats }) — можно встать в лист ожидания
course-seats-full = мест нет (занято { $seats } из { $seats })
course-summary =
    <b>{ $title }</b>
    { $provider } · { $format }
    📅 { $dates } · { $hours } ч
    🪑 { $seats }
    ⏳ Запись до { $deadline }
course-card =
    { $description }

    📍 { $place }
    📚 Предметы: { $subjects }
    Статус: { $status }
course-your-status = Ваша запись: { $status }
course-district-line = 🏙 Для педагогов района «{ $district }»

course-catalog-title = 📚 <b>Курсы повышения квалификации</b> (открыто: { $total }). Сначала — по вашим предметам.
course-catalog-empty = Сейчас нет курсов с открытой записью. Мы сообщим, когда появится курс по вашим предметам.
course-mine-button = 🗂 Мои курсы
course-back-button = ◀ Назад
course-new-button = ➕ Новый курс
course-admin-button = 🛠 Управление курсами
course-signup-button = ✍️ Записаться
course-open-button = Открыть курс

course-signed-up = ✅ Вы записаны на курс «{ $title }». Место за вами. { $reminder ->
        [day] Накануне начала придёт напоминание.
        [hour] За час до начала придёт напоминание.
       *[none] Начало: { $start }.
    }
course-signed-up-waiting = Мест на курс «{ $title }» сейчас нет. Вы в листе ожидания под номером { $position }. Если место освободится, бот предложит его вам.

course-mine-title = 🗂 <b>Мои курсы</b>: { $total }
course-mine-empty = Вы пока не записаны ни на один курс. Откройте «📚 Курсы», чтобы выбрать.
course-my-line =
    <b>{ $title }</b> · { $dates }
    { $status }
course-reg-registered = ✅ вы записаны, место за вами
course-reg-waiting = ⏳ лист ожидания, № { $position }
course-reg-offered = 🔔 вам предложено место — ответьте до { $until }
course-reg-completed = 🎓 курс пройден
course-reg-cancelled = ✖ запись отменена
course-reg-course-cancelled = ❌ курс отменён
course-reg-declined = ✖ вы отказались от места
course-reg-expired = ✖ предложение места истекло
course-reg-missed = ✖ место так и не освободилось
course-reg-finished = 🏁 курс завершён, отметку о прохождении ставит методист
course-leave-button = Отменить запись:
course-leave-confirm = Отменить запись на курс «{ $title }»? Ваше место (или место в листе ожидания) перейдёт следующему.
course-leave-yes = Да, отменить
course-leave-no = Нет, оставить
course-leave-kept = Запись сохранена.
course-left = Запись отменена.

course-offer-notice = 🔔 На курсе «{ $title }» освободилось место, и оно ваше, если вы его подтвердите. Ответьте до { $until }, иначе место перейдёт следующему в очереди.
course-offer-shortened-notice = 🔔 Курс «{ $title }» начнётся раньше, поэтому ответить на предложенное вам место нужно до { $until }, иначе оно перейдёт следующему в очереди.
course-offer-extended-notice = 🔔 Курс «{ $title }» перенесён на более позднее время, поэтому ответить на предложенное место теперь можно до { $until }.
course-offer-accept = ✅ Беру место
course-offer-decline = ✖ Отказаться
course-offer-accepted = ✅ Место на курсе «{ $title }» за вами. Вы записаны.
course-offer-declined = Вы отказались от места. Оно перейдёт следующему в очереди.
course-offer-expired-notice = Время на ответ истекло: место на курсе «{ $title }» передано следующему в очереди. Записаться снова можно в разделе «📚 Курсы», если запись ещё идёт.

course-new-notice =
    📚 Новый курс по вашим предметам: <b>{ $title }</b>
    { $provider }, начало { $start }. Запись до { $deadline }.
course-changed-notice = ✏️ Изменились даты или место курса «{ $title }». Откройте «🗂 Мои курсы», чтобы посмотреть.
course-cancelled-notice = ❌ Курс «{ $title }» отменён. Ваша запись снята.
course-reminder =
    ⏰ Напоминание: { $late ->
        [yes] скоро начинается курс «{ $title }».
       *[other] завтра начинается курс «{ $title }».
    }
    Начало: { $start }
    📍 { $place }
course-reminder-soon =
    ⏰ { $late ->
        [yes] Начало курса «{ $title }»: { $start }.
       *[other] Скоро начало курса «{ $title }»: { $start }.
    }
    📍 { $place }

course-admin-title = 🛠 <b>Курсы</b> ({ $total }): сначала текущие, затем завершённые 🏁
course-admin-empty = Текущих курсов нет. Создайте курс командой /newcourse.
course-admin-counts = Занято мест: { $taken } из { $seats }
course-admin-view-only = 👁 Это курс для всех районов: изменить его, закрыть запись, отменить и отметить прохождение могут методисты региона и администраторы. Вам видны участники из вашего района.
course-participants-button = 👥 Участники
course-edit-button = ✏️ Изменить
course-close-button = 🔒 Закрыть запись
course-cancel-button = ❌ Отменить курс
course-closed-done = Запись на курс закрыта. Записанные и очередь сохранены.
course-cancel-confirm = Отменить курс «{ $title }»? Все записанные (мест занято: { $count }) и очередь получат сообщение.
course-cancel-yes = Да, отменить курс
course-cancel-no = Нет
course-cancel-kept = Курс не отменён.
course-cancelled-done = Курс отменён. Сообщение отправлено участникам: { $count }.
course-participants-title = 👥 <b>{ $title }</b>
course-participants-registered = <b>Записаны ({ $count }):</b>
course-participants-offered = <b>Предложено место (ждём ответа):</b>
course-participants-waiting = <b>Лист ожидания ({ $count }):</b>
course-participants-completed = <b>Прошли курс ({ $count }):</b>
course-participants-none = —
course-participants-district-only = Только участники из вашего района.
course-participant-line = { $n }. { $name }, { $school }
course-complete-all-button = 🎓 Отметить прохождение у всех
course-completed-done = Отмечено прохождение курса: { $count }.

course-create-intro = Создаём курс. На каждом шаге можно написать /cancel, чтобы выйти.
course-ask-title = Название курса?
course-ask-description = Описание: программа, для кого курс, что получит слушатель.
course-ask-provider = Кто проводит курс (организация)? Например: ТОГИРРО.
course-ask-format = Формат курса:
course-ask-place = Место проведения (адрес)?
course-ask-link = Ссылка на курс или платформу дистанционного обучения, например: <code>https://edu.example.ru/course</code>
course-ask-start = Дата начала: <code>25.12</code> или <code>25.12.2026 10:00</code>.
course-ask-end = Дата окончания: <code>28.12</code> или <code>28.12.2026</code>.
course-ask-hours = Сколько часов в программе? Например: 72.
course-ask-seats = Сколько мест (по договору)?
course-ask-deadline = До какого дня идёт запись? Например: <code>20.12</code> (до конца дня) или <code>20.12 18:00</code>. Не позже начала курса.
course-ask-subjects = 📚 Для каких предметов курс? Педагоги этих предметов увидят его первым и получат сообщение. Отметьте все и нажмите «Готово».
course-preview = Проверьте курс перед публикацией. После публикации педагоги по выбранным предметам получат сообщение.
course-publish-yes = ✅ Опубликовать
course-publish-no = ✖ Не публиковать
course-create-dropped = Курс не опубликован.
course-published = ✅ Курс «{ $title }» опубликован, запись открыта.
course-edit-which = Что изменить в курсе «{ $title }»?
course-field-title = Название
course-field-description = Описание
course-field-provider = Кто проводит
course-field-format = Формат
course-field-place = Место
course-field-start = Начало
course-field-end = Окончание
course-field-hours = Часы
course-field-seats = Места
course-field-deadline = Срок записи
course-field-subjects = Предметы
course-edited = ✅ Курс изменён.

error-course-text-too-short = Слишком коротко: нужно хотя бы { $min } { $min ->
        [one] символ
        [few] символа
       *[many] символов
    }.
error-course-text-too-long = Слишком длинно: не больше { $max } символов.
error-course-not-a-number = Напишите целое число, например: 72.
error-course-number-range = Нужно число от { $min } до { $max }.
error-course-end-before-start = Дата окончания раньше даты начала. Проверьте даты.
error-course-deadline-after-start = Запись должна закончиться не позже начала курса.
error-course-bad-link = Это не похоже на ссылку, которую откроют участники. Скопируйте её целиком, начиная с https://
error-course-bad-format = Выберите формат кнопкой.
error-course-not-found = Курс не найден: возможно, его удалили.
error-course-is-cancelled = Этот курс отменён.
error-course-closed = Запись на этот курс закрыта.
error-course-deadline-passed = Срок записи на этот курс уже прошёл.
error-course-already-signed-up = Вы уже записаны на этот курс (или стоите в очереди). Посмотреть можно в «🗂 Мои курсы».
error-course-registration-not-found = Запись не найдена.
error-course-cancel-completed = Курс уже пройден — такую запись отменить нельзя.
error-course-cancel-started = Курс уже начался — запись отменить нельзя. Если вы не можете участвовать, сообщите методисту.
error-course-already-cancelled = Эта запись уже отменена.
error-course-registration-changed = Запись только что изменилась. Откройте «🗂 Мои курсы» ещё раз.
error-course-offer-already-accepted = Вы уже приняли это место — вы записаны.
error-course-offer-expired = Время на ответ истекло, и место передано следующему в очереди. Если запись ещё идёт, можно записаться снова.
error-course-offer-gone = Это предложение уже неактуально.
error-course-not-editable = Отменённый или завершённый курс изменить нельзя.
error-course-seats-below-taken = Мест не может быть меньше, чем уже занято ({ $taken }).
error-course-not-open = Запись на курс уже закрыта.
error-course-not-started = Курс ещё не начался — отмечать прохождение рано.
error-course-not-registered = Этот участник не записан на курс (возможно, уже отмечен).
error-course-not-for-your-district = Этот курс — для педагогов другого района: открыть его и записаться на него нельзя.
error-course-other-district = Это курс другого района: им управляют методисты того района.
error-course-regional-read-only = Это курс для всех районов: изменять его, закрывать запись, отменять и отмечать прохождение могут только методисты региона и администраторы.
