# Notices of changed dates (issue 13 point 8), written when sent, in the recipient's language.

notice-session_moved-subject = Ders tarihi değişti: { $offer }, { $old_date }
notice-session_moved-person = Merhaba,

    „{ $offer }“ ({ $cohort }) kursunuzun bir dersi başka bir zamana alındı.

    Önceki: { $old_date }, { $old_time }
    Yeni: { $new_date }, { $new_time }

    Neden: { $reason }

    Takvim bağlantınız yeni tarihi kendiliğinden gösterir. Sorularınız için lütfen irtibat kişinize başvurun.
notice-session_cancelled-subject = Ders iptal edildi: { $offer }, { $old_date }
notice-session_cancelled-person = Merhaba,

    „{ $offer }“ ({ $cohort }) kursunuzun { $old_date }, { $old_time } tarihindeki dersi yapılmayacak.

    Neden: { $reason }

    Sorularınız için lütfen irtibat kişinize başvurun.
notice-session_added-subject = Yeni ders: { $offer }, { $new_date }
notice-session_added-person = Merhaba,

    „{ $offer }“ ({ $cohort }) kursunuzun yeni bir dersi var: { $new_date }, { $new_time } ({ $title }).

    Neden: { $reason }

    Sorularınız için lütfen irtibat kişinize başvurun.
