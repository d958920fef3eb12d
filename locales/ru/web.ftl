# The site (src/web): the same product in a browser or as a Telegram Mini App.
cmd-web = Сайт: мониторинг и таблицы (вход)
web-brand = Методсеть
web-lang-ru = Русский
web-lang-en = English
web-signout = Выйти
web-home-link = На главную
web-home-title = Методическое пространство
web-home-hello = Здравствуйте, { $name }!
web-home-nothing-yet = Здесь скоро появятся банк материалов и календарь. Пока всё это есть в боте.
web-nav-monitoring = Мониторинг

web-signin-title = Вход
web-signin-how = Откройте сайт кнопкой «Методсеть» в меню бота — вход произойдёт сам. Из браузера на компьютере: отправьте боту команду /web и откройте ссылку для входа из ответа.
web-signin-checking = Проверяем вход через Telegram…
web-signin-failed = Не удалось войти через Telegram. Отправьте боту /web и войдите по ссылке.
web-telegram-invalid = Telegram не подтвердил вход: данные подписаны не им. Откройте сайт кнопкой в боте ещё раз.
web-telegram-expired = Вход устарел: откройте сайт кнопкой в боте ещё раз.
web-telegram-not-registered = Вы ещё не зарегистрированы: откройте бота и пройдите регистрацию, затем откройте сайт снова.
web-link-title = Вход по ссылке
web-link-text = Эта ссылка из бота входит на сайт один раз и действует 10 минут. Нажмите, чтобы войти.
web-link-button = Войти
web-link-spent = Ссылка уже использована или устарела. Отправьте боту /web, чтобы получить новую.

web-forbidden-title = Нет доступа
web-forbidden-registered = Этот раздел — для зарегистрированных педагогов.
web-forbidden-methodist = Этот раздел — для методистов.
web-forbidden-admin = Этот раздел — для администраторов.
web-not-found-title = Не найдено
web-not-found = Такой страницы нет.

web-monitoring-tab-coverage = Охват курсами
web-monitoring-tab-attestation = Аттестация
web-monitoring-tab-teachers = Кто подключился
web-monitoring-download = Скачать .xlsx
web-monitoring-as-of = Данные на { $time }
web-monitoring-recount = Пересчитать
web-by-districts = По районам
web-by-schools = По школам (сначала с наименьшей долей)
web-by-schools-adoption = По школам (сначала те, откуда ещё никого нет)
web-coverage-teachers = педагогов
web-coverage-covered = с курсами в этом году
web-coverage-share = охват
web-coverage-uncovered = без курсов
web-attestation-teachers = педагогов
web-attestation-valid = категория действует
web-attestation-expiring = истекает за полгода
web-attestation-expired = срок истёк
web-attestation-none = без категории
web-attestation-unknown = не указали
web-teachers-registered = педагогов в боте
web-teachers-recent = за 7 дней
web-teachers-inactive = заблокировали бота
web-teachers-reached = школ, где уже есть педагоги
web-teachers-schools = Школ
web-teachers-schools-reached = Школ с педагогами
web-teachers-share-reached = Доля школ

web-school-back = ← К мониторингу
web-school-teachers = педагогов в боте
web-school-lacking = с пробелами
web-school-lacks = Чего не хватает
web-school-nobody = Из этой школы в боте пока никого нет.
web-school-not-found = Такой школы нет среди школ, которые вы видите.
web-lack-no-course = нет курса в этом году
web-lack-expired = категория истекла { $until }
web-lack-expiring = категория истекает { $until }
web-lack-unknown = категория не указана
web-lack-inactive = заблокировал(а) бота
web-lack-nothing = всё в порядке

# /web in the chat
web-command-text = <b>Методсеть на сайте</b>: мониторинг, таблицы и выгрузки на большом экране.
web-command-miniapp = Кнопка ниже открывает сайт прямо в Telegram.
web-command-no-miniapp = Внутри Telegram сайт открывается только по адресу https; у этого бота адрес сайта — { $url }.
web-command-link = Для браузера на компьютере — ссылка для входа (одноразовая, действует { $minutes } мин., никому её не пересылайте):
web-command-open = Открыть Методсеть
web-menu-button = Методсеть
