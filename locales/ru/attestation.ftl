# Аттестация: квалификационная категория педагога в профиле, напоминание за 3 месяца до конца срока,
# сводка /attestation (методисты).
cmd-attestation = Аттестация: у кого истекает категория и кто не указал

## Категории
attestation-category-none = без категории
attestation-category-compliance = соответствие занимаемой должности
attestation-category-first = первая категория
attestation-category-highest = высшая категория

## Профиль педагога
profile-edit-attestation = 🎓 Аттестация
attestation-card = { $category }, до { $until }
attestation-card-unknown = не указана
attestation-ask-category = 🎓 Какая у вас квалификационная категория?
attestation-ask-until =
    До какой даты действует категория? Напишите дату из приказа: <code>15.05.2028</code> или месяц: <code>05.2028</code>.
    Отменить — /cancel
attestation-saved = ✅ Сохранено: { $category }, до { $until }. Напомню за 3 месяца до окончания срока. Профиль — /profile
attestation-saved-none = ✅ Сохранено: без категории. Профиль — /profile
error-attestation-date-format = Не понял дату. Напишите так: <code>15.05.2028</code> или <code>05.2028</code> (тогда — последний день месяца).
error-attestation-date-invalid = Такой даты не бывает. Проверьте число и месяц.
error-attestation-date-too-far = Категория устанавливается на { $years } лет — дата не может быть позже { $latest }. Проверьте год.
attestation-reminder =
    🎓 <b>Срок аттестации</b>
    Ваша { $category ->
        [compliance] аттестация на соответствие занимаемой должности
        [first] первая квалификационная категория
        [highest] высшая квалификационная категория
       *[other] категория
    } действует до { $until }. { $category ->
        [compliance] Аттестацию на соответствие проводит школа: уточните у администрации, когда она назначена.
       *[other] Пора подать заявление на аттестацию, чтобы не остаться без категории.
    }

## Сводка для методиста: /attestation
attestation-title = 🎓 <b>Аттестация педагогов</b>
attestation-title-district = 🎓 <b>Аттестация педагогов — { $district }</b>
attestation-total =
    Всего педагогов: { $teachers }
    ✅ Категория действует: { $valid }
    ⏳ Истекает в ближайшие 6 месяцев: { $expiring }
    ❌ Срок истёк: { $expired }
    ➖ Без категории: { $none }
    ❔ Не указали: { $unknown }
attestation-schools-title = <b>По школам</b> (доля педагогов с действующей категорией, сначала с наименьшей):
attestation-districts-title = <b>По районам</b> (доля педагогов с действующей категорией, сначала с наименьшей):
attestation-no-district = Без района
attestation-school-line = { $bar } { $percent }% · { $school } ({ $current }/{ $teachers })
attestation-more-schools = …и ещё { $count } — в файле.
attestation-no-teachers = В боте пока нет зарегистрированных педагогов — сводку строить не по кому.
attestation-no-teachers-district = В боте пока нет зарегистрированных педагогов из школ района «{ $district }» — сводку строить не по кому.
attestation-nobody-to-list = Внимания никто не требует: ни истекающих, ни истёкших категорий, все указали.
attestation-file-caption = 📎 Аттестация на { $date }: все школы и педагоги, у которых категория истекает в ближайшие 6 месяцев, уже истекла или не указана.
attestation-file-caption-district = 📎 Аттестация на { $date } — { $district }: все школы и педагоги, у которых категория истекает в ближайшие 6 месяцев, уже истекла или не указана.
attestation-sheet-name = Требуют внимания
attestation-sheet-schools = По школам
attestation-sheet-districts = По районам
attestation-col-teachers = Педагогов
attestation-col-current = С действующей категорией
attestation-col-percent = Доля, %
attestation-col-total = Итого
attestation-col-category = Категория
attestation-col-district = Район
attestation-col-until = Действует до
attestation-col-status = Состояние
attestation-status-expiring = истекает
attestation-status-expired = срок истёк
attestation-status-unknown = не указана
