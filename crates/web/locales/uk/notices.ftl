# Notices of changed dates (issue 13 point 8), written when sent, in the recipient's language.

notice-session_moved-subject = Заняття перенесено: { $offer }, { $old_date }
notice-session_moved-person = Добрий день,

    заняття вашого курсу «{ $offer }» ({ $cohort }) перенесено.

    Було: { $old_date }, { $old_time }
    Тепер: { $new_date }, { $new_time }

    Причина: { $reason }

    Ваше посилання на календар саме покаже нову дату. Якщо маєте запитання, зверніться до вашої контактної особи.
notice-session_cancelled-subject = Заняття скасовано: { $offer }, { $old_date }
notice-session_cancelled-person = Добрий день,

    заняття вашого курсу «{ $offer }» ({ $cohort }) { $old_date }, { $old_time } скасовано.

    Причина: { $reason }

    Якщо маєте запитання, зверніться до вашої контактної особи.
notice-session_added-subject = Нове заняття: { $offer }, { $new_date }
notice-session_added-person = Добрий день,

    у вашого курсу «{ $offer }» ({ $cohort }) нове заняття: { $new_date }, { $new_time } ({ $title }).

    Причина: { $reason }

    Якщо маєте запитання, зверніться до вашої контактної особи.
