# Notices of changed dates (issue 13 point 8), written when sent, in the recipient's language.

notice-session_moved-subject = تم نقل موعد: { $offer }، { $old_date }
notice-session_moved-person = مرحباً،

    تم نقل موعد من دورتك „{ $offer }“ ({ $cohort }).

    سابقاً: { $old_date }، { $old_time }
    الآن: { $new_date }، { $new_time }

    السبب: { $reason }

    رابط التقويم الخاص بك يعرض الموعد الجديد تلقائياً. إذا كانت لديك أسئلة، تواصل مع الشخص المسؤول عنك.
notice-session_cancelled-subject = تم إلغاء موعد: { $offer }، { $old_date }
notice-session_cancelled-person = مرحباً،

    تم إلغاء موعد دورتك „{ $offer }“ ({ $cohort }) في { $old_date }، { $old_time }.

    السبب: { $reason }

    إذا كانت لديك أسئلة، تواصل مع الشخص المسؤول عنك.
notice-session_added-subject = موعد جديد: { $offer }، { $new_date }
notice-session_added-person = مرحباً،

    لدورتك „{ $offer }“ ({ $cohort }) موعد جديد: { $new_date }، { $new_time } ({ $title }).

    السبب: { $reason }

    إذا كانت لديك أسئلة، تواصل مع الشخص المسؤول عنك.
