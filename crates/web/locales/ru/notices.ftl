# Notices of changed dates (issue 13 point 8), written when sent, in the recipient's language.

notice-session_moved-subject = Занятие перенесено: { $offer }, { $old_date }
notice-session_moved-person = Здравствуйте,

    занятие вашего курса «{ $offer }» ({ $cohort }) перенесено.

    Было: { $old_date }, { $old_time }
    Теперь: { $new_date }, { $new_time }

    Причина: { $reason }

    Ваша ссылка на календарь сама покажет новую дату. Если у вас есть вопросы, обратитесь к вашему контактному лицу.
notice-session_cancelled-subject = Занятие отменено: { $offer }, { $old_date }
notice-session_cancelled-person = Здравствуйте,

    занятие вашего курса «{ $offer }» ({ $cohort }) { $old_date }, { $old_time } отменено.

    Причина: { $reason }

    Если у вас есть вопросы, обратитесь к вашему контактному лицу.
notice-session_added-subject = Новое занятие: { $offer }, { $new_date }
notice-session_added-person = Здравствуйте,

    у вашего курса «{ $offer }» ({ $cohort }) новое занятие: { $new_date }, { $new_time } ({ $title }).

    Причина: { $reason }

    Если у вас есть вопросы, обратитесь к вашему контактному лицу.
