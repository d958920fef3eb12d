# Разделы сайта: копилка, модерация, рассылки (src/web/bank, moderation, broadcasts).
web-nav-bank = Копилка
web-nav-moderation = Модерация
web-nav-broadcasts = Рассылки

web-bank-tab-search = Поиск
web-bank-tab-best = Лучшие
web-bank-query = Слова
web-bank-query-hint = например, дроби 5 класс
web-bank-subject = Предмет
web-bank-type = Тип
web-bank-grade = Класс
web-bank-any = любой
web-bank-find = Найти
web-bank-show = Показать
web-bank-reset = Сбросить
web-bank-period = Период
web-bank-period-all = за всё время
web-bank-period-month = за 30 дней
web-bank-found = Найдено: { $count }
web-bank-all = Опубликованные материалы, лучшие сверху: { $count }
web-bank-nothing = Ничего не найдено. Попробуйте другие слова или меньше фильтров.
web-bank-best-note = Материалы, которые коллеги оценили 👍, по доле 👍 среди оценок (много согласных оценок весят больше одной).
web-bank-best-nothing = Здесь ещё никто не оценил ни одного материала.
web-bank-page = Страница { $page } из { $pages }
web-bank-prev = ← Назад
web-bank-next = Дальше →
web-bank-col-title = Название
web-bank-col-type = Тип
web-bank-col-views = Просмотры
web-bank-grades = классы: { $grades }
web-bank-author = Автор: { $author } ({ $school })
web-bank-score = рейтинг { $score } из 100 · 👁 { $views }
web-bank-reason = Причина: { $reason }
web-bank-your-vote = Ваша оценка:
web-bank-vote-up = Полезно
web-bank-vote-down = Не пригодилось
web-bank-to-moderation = Проверить материал
web-bank-back = ← В копилку
web-bank-open-tab = Открыть в новой вкладке
web-bank-download = Скачать
web-bank-pdf-hint = Если документ не виден здесь (некоторые телефоны не показывают PDF внутри страницы), откройте его в новой вкладке или скачайте.
web-bank-no-preview = Браузер не покажет этот файл ({ $name }) на странице: скачайте его.
web-bank-not-found = Такого материала среди доступных вам нет: возможно, он удалён или ещё не опубликован.
web-bank-bad-filter = Фильтр не распознан: выберите предмет, тип и класс из списков.
web-bank-query-long = Слишком длинный запрос: оставьте 2–3 главных слова.
web-bank-bad-vote = Выберите 👍 или 👎.
web-bank-file-unavailable = Telegram сейчас не отдал файл (или он больше 20 МБ — такие боты скачивать не могут). Попробуйте позже или откройте материал в боте.

web-moderation-materials = Материалы на проверке: { $count }
web-moderation-lessons = Открытые уроки на проверке: { $count }
web-moderation-no-materials = Материалов на проверку нет.
web-moderation-no-lessons = Открытых уроков на проверку нет.
web-moderation-col-author = Автор
web-moderation-col-sent = Отправлен
web-moderation-col-topic = Тема
web-moderation-col-when = Когда
web-moderation-back = ← К очереди
web-moderation-approve = Одобрить и опубликовать
web-moderation-reject = Отклонить
web-moderation-reason = Причина отклонения (её прочтёт автор)
web-moderation-own = Это ваша работа: её проверит другой методист.
web-moderation-not-found = Среди того, что проверяете вы, такого нет: возможно, это удалено или автор работает в другом районе.
web-moderation-done-material-approved = Материал опубликован, автор получил уведомление.
web-moderation-done-material-rejected = Материал отклонён, автор получил уведомление с причиной.
web-moderation-done-lesson-approved = Урок опубликован, автор получил уведомление.
web-moderation-done-lesson-rejected = Урок отклонён, автор получил уведомление с причиной.
web-moderation-lesson-subject = Предмет и класс
web-moderation-lesson-time = { $when } ({ $duration } мин)
web-moderation-lesson-place = Место
web-moderation-lesson-method = Метод / технология
web-moderation-lesson-seats = Мест для гостей
web-moderation-lesson-status = Статус: { $status ->
        [approved] опубликован
        [rejected] отклонён
        [cancelled] отменён
       *[other] { $status }
    }

web-broadcasts-how = Рассылки, которые вам видны, новые сверху, и как прошла их доставка. Новые рассылки отправляются из бота: /broadcast.
web-broadcasts-none = Рассылок пока не было.
web-broadcasts-bad-page = Такой страницы списка нет.
web-broadcasts-not-found = Такой рассылки среди доступных вам нет.
web-broadcasts-back = ← Все рассылки
web-broadcasts-title = Рассылка № { $id }
web-broadcasts-meta = { $date } · { $author } · { $status ->
        [sending] идёт отправка
        [stopped] остановлена
       *[done] завершена
    }{ $urgent ->
        [yes] { " " }· срочная
       *[no] {""}
    }
web-broadcasts-col-date = Дата
web-broadcasts-col-text = Текст
web-broadcasts-col-author = Автор
web-broadcasts-col-status = Статус
web-broadcasts-col-delivered = Доставлено
web-broadcasts-status = { $status ->
        [sending] идёт отправка
        [stopped] остановлена
       *[done] завершена
    }
web-broadcasts-delivered = { $sent } из { $total }
web-broadcasts-delivery = Доставка
web-broadcasts-total = получателей
web-broadcasts-sent = доставлено
web-broadcasts-pending = в очереди
web-broadcasts-blocked = заблокировали бота
web-broadcasts-failed = ошибки
web-broadcasts-cancelled = отменено
web-broadcasts-audience = Получатели:
web-broadcasts-attachment = С вложением: { $kind ->
        [photo] фото
       *[document] документ
    }
web-broadcasts-survey = Ответы на опрос
web-broadcasts-answered = Ответили { $answered } из { $reached } получателей
web-broadcasts-closed = опрос закрыт
web-broadcasts-option = Вариант
web-broadcasts-count = Ответов
web-broadcasts-multiple = Можно было отметить несколько вариантов, поэтому проценты считаются от ответивших и в сумме могут быть больше 100.
web-broadcasts-survey-hidden = Опрос: ответы видят только автор и администраторы.
