# Katılımcı portalı: sade dil. Kısa cümleler. Bilinen kelimeler.
# The same keys exist in de, en, ar, uk, tr and ru.

portal-lang-name = Türkçe
portal-lang-legend = Dil
portal-skip = İçeriğe geç
portal-logout = Çıkış yap
portal-nav-label = Menü
portal-footer = Lernweg. Kurstaki yolunuz.
portal-legal-nav = Yasal bilgiler
portal-legal-imprint = Künye
portal-legal-privacy = Veri koruma
portal-legal-accessibility = Erişilebilirlik
portal-back-to-path = Yolum sayfasına dön
portal-go-login = Girişe git

portal-not-found-title = Bulunamadı
portal-not-found-text = Bu sayfa yok. Ya da bu sayfayı göremezsiniz.
portal-error-title = Hata
portal-error-text = Maalesef olmadı. Lütfen daha sonra tekrar deneyin.
portal-bad-request = Form eksikti. Lütfen tekrar deneyin.
portal-unlinked-text = Hesabınız henüz hazır değil. Lütfen irtibat kişinize sorun.
portal-limit-title = Lütfen bekleyin
portal-limit-text = Çok sık denediniz. Lütfen bir dakika bekleyin. Sonra tekrar çalışır.

portal-refused-unknown-title = Bağlantı geçerli değil
portal-refused-unknown-text = Bu bağlantıyı veya kodu tanımıyoruz. Lütfen kontrol edin. Ya da irtibat kişinize sorun.
portal-refused-used-title = Zaten kullanıldı
portal-refused-used-text = Bu bağlantı veya kod zaten kullanıldı. Şimdi şifrenizle giriş yapabilirsiniz.
portal-refused-expired-title = Artık geçerli değil
portal-refused-expired-text = Bu bağlantı veya kod çok eski. Sadece 14 gün geçerlidir. Lütfen irtibat kişinizden yeni bir tane isteyin.
portal-refused-revoked-title = Artık geçerli değil
portal-refused-revoked-text = Bu bağlantı veya kod artık geçerli değil. Yeni bir tane var. Ya da irtibat kişiniz onu kapattı. Lütfen sorun.

portal-code-title = Kodu girin
portal-code-intro = Kodlu bir mektubunuz mu var? O zaman kodu buraya girin.
portal-code-label = Kod
portal-code-example = Örneğin:
portal-code-submit = Devam
portal-code-error-required = Lütfen kodu girin.
portal-code-error-invalid = Kod 12 karakterden oluşur. Lütfen kontrol edin.
portal-code-error-unknown = Bu kodu tanımıyoruz. Lütfen kontrol edin.

portal-password-title = Şifre seçin
portal-password-intro = Şimdi bir şifre seçin. Bununla daha sonra giriş yaparsınız.
portal-password-new = Yeni şifre
portal-password-hint = En az 10 karakter.
portal-password-repeat = Şifre tekrar
portal-password-submit = Kaydet ve devam et
portal-password-error-missing = Lütfen bir şifre girin.
portal-password-error-different = İki şifre aynı değil.
portal-password-error-short = Şifre çok kısa. En az 10 karakter gerekir.
portal-password-error-long = Şifre çok uzun.
portal-login-write-down = Lütfen bunu not edin.
portal-login-is-email = E-posta adresinizle giriş yaparsınız:
portal-login-is-name = Kullanıcı adınız:

portal-login-title = Giriş yap
portal-login-intro = Lütfen giriş yapın.
portal-login-id = E-posta adresi veya kullanıcı adı
portal-login-password = Şifre
portal-login-submit = Giriş yap
portal-login-code-hint = Kodunuz mu var?
portal-login-error-email = Lütfen e-posta adresinizi veya kullanıcı adınızı girin.
portal-login-error-password-missing = Lütfen şifrenizi girin.
portal-login-error-rate-limited = Çok fazla deneme. Lütfen biraz bekleyin.
portal-login-error-failed = E-posta adresi veya şifre doğru değil.
portal-login-how = Nasıl giriş yaparsınız
portal-login-your = Girişiniz:

portal-path-title = Yolum
portal-path-hello = Merhaba { $name }!
portal-path-intro = Burada kurstaki yolunuzu görürsünüz.
portal-path-none = Henüz bir kursta değilsiniz. İrtibat kişiniz size yardım eder.
portal-path-end = Bitiş: { $date }
portal-path-no-dates = Tarihler henüz hazır değil.
portal-path-list = Tüm adımlar
portal-progress-modules = Tamamlanan: { $total } modülden { $done }.
portal-progress-milestones = Ulaşılan hedefler: { $total } hedeften { $done }.

portal-status-interested = Bu kursla ilgileniyorsunuz.
portal-status-counselled = Bu kurs hakkında bir görüşme yaptınız.
portal-status-enrolled = Bu kursa kayıtlısınız.
portal-status-active = Şu anda bu kursa katılıyorsunuz.
portal-status-paused = Şu anda ara veriyorsunuz.
portal-status-completed = Bu kursu başarıyla bitirdiniz.
portal-status-dropped = Artık bu kursa katılmıyorsunuz.

portal-dates-title = Sonraki tarihleriniz
portal-dates-none = Yeni tarih yok.
portal-dates-cancelled = İptal edildi.
portal-run-coming = Kurs { $date } tarihinde başlıyor.
portal-run-running = Kurs { $date } tarihinden beri devam ediyor.
portal-run-ended = Kurs { $date } tarihinde sona erdi.
portal-at-work-summary = { $count } tarih çalışma saatlerinize denk geliyor: { $dates }.
portal-at-work-ask = Lütfen izin için işvereninizle konuşun.
portal-dates-at-work = Çalışma saatlerinizde
portal-dates-place = Yer: { $place }
portal-dates-online = Çevrim içi katıl
portal-weekday-1 = Pzt
portal-weekday-2 = Sal
portal-weekday-3 = Çar
portal-weekday-4 = Per
portal-weekday-5 = Cum
portal-weekday-6 = Cmt
portal-weekday-7 = Paz
portal-kind-lesson = Ders
portal-kind-individual = Bireysel ders
portal-kind-exam = Sınav
portal-kind-kickoff = Başlangıç
portal-kind-closing = Kapanış
portal-kind-exchange = Buluşma
portal-kind-self_paced = Kendi kendine öğrenme

portal-contact-title = İrtibat kişiniz
portal-contact-email = E-posta:
portal-contact-none = Yakında bir irtibat kişiniz olacak.
portal-contact-channel = Size şöyle ulaşıyoruz: { $channel }.
portal-contact-times = Zamanlarınız: { $times }
portal-channel-phone = telefon
portal-channel-in_person = yüz yüze
portal-channel-email = e-posta
portal-channel-messenger = mesajlaşma uygulaması
portal-channel-video = görüntülü görüşme

portal-feed-title = Takviminiz
portal-feed-intro = Bir bağlantı ile tüm tarihleri takviminizde görürsünüz. Örneğin telefonunuzda.
portal-feed-new = Bu sizin bağlantınız. Onu sadece şimdi gösteriyoruz. Lütfen takviminize kopyalayın.
portal-feed-since = { $date } tarihinden beri bir bağlantınız var. Onu sadece bir kez gösteriyoruz.
portal-feed-renew-hint = Yeni bağlantı eskisinin yerine geçer. Eski bağlantı artık çalışmaz.
portal-feed-renew = Yeni bağlantı oluştur
portal-feed-create = Bağlantı oluştur
portal-feed-revoke-hint = Bağlantıya artık ihtiyacınız yok mu? O zaman silin. Sonra artık çalışmaz.
portal-feed-revoke = Bağlantıyı sil
portal-feed-revoked = Bağlantınız silindi. Artık çalışmıyor. İstediğiniz zaman yeni bir bağlantı oluşturabilirsiniz.
portal-feed-name = Lernweg – Yolum

portal-checks-title = Kontrolünüz
portal-checks-none = Henüz kontrol hakkında bir görüşmeniz olmadı.
portal-checks-from = { $date } tarihli kontrol

portal-rc-title = Kontrolünüz
portal-rc-result = Sonuç
portal-rc-answers = Cevaplarınız
portal-rc-your-answer = Cevabınız:
portal-rc-open = Henüz açık:
portal-rc-help = Bu yardım sizin için var
portal-rc-no-help = Yardıma ihtiyacınız yok. Güzel!
portal-rc-ask = Bunu irtibat kişinize sorun.
portal-rc-overall-recommend = Kurs size çok uygun.
portal-rc-overall-recommend_with_support = Kurs size uygun. Biraz yardımla.
portal-rc-overall-advise_longer_model = Daha uzun bir kurs size daha uygun. O zaman daha çok zamanınız olur.
portal-rc-overall-advise_pause = Belki şimdi doğru zaman değil. İrtibat kişinizle konuşun.
portal-rc-light-green = iyi
portal-rc-light-yellow = yardımla iyi
portal-rc-light-red = zor
portal-rc-topic-time = Zaman
portal-rc-topic-commute = Kursa yol
portal-rc-topic-childcare = Çocuklar
portal-rc-topic-care_duties = Yakınların bakımı
portal-rc-topic-quiet_place = Sessiz yer
portal-rc-topic-internet = İnternet
portal-rc-topic-device = Cihaz
portal-rc-topic-digital_skills = Bilgisayar
portal-rc-topic-income = Para
portal-rc-topic-motivation = İş ve kurs
portal-rc-topic-health = Sağlık
portal-rc-hours = Haftada { $hours } saat boş.
portal-rc-minutes = { $minutes } dakika.
portal-rc-childcare-yes = Çocuk bakımı ayarlandı.
portal-rc-childcare-partly = Çocuk bakımı kısmen ayarlandı.
portal-rc-childcare-no = Çocuk bakımı ayarlanmadı.
portal-rc-childcare-not_needed = Çocuk bakımına ihtiyacınız yok.
portal-rc-care-none = Kimseye bakmıyorsunuz.
portal-rc-care-settled = Bakım ayarlandı.
portal-rc-care-partly = Bakım kısmen ayarlandı.
portal-rc-care-not_settled = Bakım ayarlanmadı.
portal-rc-internet-yes = İyi bir internetiniz var.
portal-rc-internet-unstable = İnternetiniz her zaman iyi değil.
portal-rc-internet-no = İnternetiniz yok.
portal-rc-device-own = Kendi cihazınız var.
portal-rc-device-shared = Bir cihazı paylaşıyorsunuz.
portal-rc-device-none = Cihazınız yok.
portal-rc-digital-good = Bilgisayarı iyi biliyorsunuz.
portal-rc-digital-basic = Bilgisayarı biraz biliyorsunuz.
portal-rc-digital-none = Bilgisayarı henüz bilmiyorsunuz.
portal-rc-income-ok = Para yetiyor.
portal-rc-income-tight = Para az.
portal-rc-income-at_risk = Para yetmiyor.
portal-rc-income-not_applicable = Bu sizin için bir konu değil.
portal-rc-debts = Borçlarınız var.
portal-rc-job-yes = İşiniz kursa uygun.
portal-rc-job-partly = İşiniz kursa kısmen uygun.
portal-rc-job-no = İşiniz kursa uygun değil.
portal-rc-health-good = İyisiniz.
portal-rc-health-limited = Her zaman iyi değilsiniz.
portal-rc-health-strained = İyi değilsiniz.
portal-rc-action-device_loan = Bir cihaz ödünç alabilirsiniz.
portal-rc-action-digital_training = Bir bilgisayar kursuna katılabilirsiniz.
portal-rc-action-quiet_room_at_provider = Bizde sessiz bir odada çalışabilirsiniz.
portal-rc-action-referral_childcare = Çocuk bakımı bulmanıza yardım ederiz.
portal-rc-action-referral_social_counselling = Bir danışmanlık size yardım edebilir.
portal-rc-action-referral_debt_counselling = Borç danışmanlığı size yardım edebilir.
portal-rc-action-referral_health = Sağlık danışmanlığı size yardım edebilir.
portal-rc-action-longer_time_model = Daha uzun bir kurs size daha çok zaman verir.
portal-rc-action-pause = Ara verebilirsiniz.
portal-yes = Evet.
portal-no = Hayır.

portal-sheet-heading = Lernweg erişiminiz
portal-sheet-step-address = Bu sayfaya gidin:
portal-sheet-step-code = Bu kodu girin:
portal-sheet-valid = Kod { $date } tarihine kadar geçerlidir. Onu sadece bir kez kullanabilirsiniz.
portal-sheet-step-password = Sonra bir şifre seçin.
portal-sheet-questions = Sorularınız mı var? İrtibat kişiniz: { $name }.

portal-mail-subject = Lernweg erişiminiz
portal-mail-body =
    Merhaba { $name }!

    Lernweg'de kurstaki yolunuzu görürsünüz. Tarihlerinizi görürsünüz. İrtibat kişinizi görürsünüz.

    Lütfen bu bağlantıyı açın:
    { $link }

    Sonra bir şifre seçin.
    Bağlantı { $date } tarihine kadar geçerlidir. Onu sadece bir kez kullanabilirsiniz.

    Girişiniz: { $login }

portal-publish-path-start = Başlangıç
portal-publish-path-end = Bitiş
portal-publish-path-today = Bugün
portal-publish-path-kickoff = Başlangıç
portal-publish-path-closing = Kapanış
portal-publish-path-exam = Sınav
portal-publish-path-milestone = Hedef
portal-publish-path-module = Modül
portal-publish-path-modules = Modüller
portal-publish-path-exams = Sınavlar
portal-publish-path-hours = sa.
portal-publish-decimal-separator = ,

# Calendar feeds (.ics): event texts; staff feeds use the German ones.
portal-ics-module = Modül { $module }
portal-ics-module-summary = Modül { $module }: { $title }
portal-ics-exam-summary = Sınav: { $title }
portal-ics-due-summary = Son tarih – { $title }
portal-ics-cancelled = İptal edildi: { $summary }
portal-ics-draft = Taslak: { $summary }
portal-ics-hours = { $hours } saat
portal-ics-reason = Neden: { $reason }

## Notices of changed dates (issue 13 point 8), written when sent
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

## The individual qualification plan on /mein-weg (issue 14)
portal-plan-title = Yeterlilik planım
portal-plan-intro = Karar, mesleğinizle Almanya'daki meslek arasındaki farkları belirtiyor. Bu bölümlerle bu farkları kapatıyorsunuz.
portal-plan-deadline = Son tarih: { $date }
portal-plan-items = Bölümleriniz
portal-plan-no-items = Henüz bölüm yok. İrtibat kişiniz bunları sizinle birlikte planlayacak.
portal-plan-item = { $kind }: { $title } – { $hours } saatin { $done } saati tamamlandı
portal-plan-differences = Şimdiye kadar kapatılanlar
portal-plan-diff-uncovered = { $title }: henüz bir şey planlanmadı
portal-plan-diff-planned = { $title }: planlandı
portal-plan-diff-in_progress = { $title }: { $target } saatin { $done } saati tamamlandı
portal-plan-diff-done = { $title }: tamamlandı
portal-plan-ask = Bazı şeyler henüz planlanmadı. İrtibat kişinizle konuşun.
portal-plan-kind-cohort_modules = Kurs
portal-plan-kind-lessons = Bireysel ders
portal-plan-kind-placement = İşyerinde uygulama
portal-plan-kind-self_study = Kendi kendine öğrenme
portal-plan-kind-language_course = Dil kursu
portal-plan-kind-exam = Sınav

# Mentoring tandem (issue 15)
portal-tandem-title = Mentorluk tandemim
portal-tandem-intro = Mentorunuz aynı meslek alanında çalışıyor. Buluşmaları kendiniz ayarlıyorsunuz.
portal-tandem-field = Meslek
portal-tandem-languages = Diller
portal-tandem-email = E-posta
portal-tandem-phone = Telefon
portal-tandem-period = Dönem
portal-tandem-budget = Bu ay: { $used } / { $budget }.
portal-tandem-over = Bu, kararlaştırılandan fazla.
portal-tandem-closed = Tandem sona erdi.
portal-tandem-no-meetings = Henüz buluşma kaydedilmedi.
portal-tandem-meetings = Buluşmalar
portal-tandem-log = Buluşma kaydet
portal-tandem-date = Tarih
portal-tandem-minutes = Dakika olarak süre
portal-tandem-topic = Konu neydi?
portal-tandem-log-submit = Kaydet
portal-tandem-feedback = Tandem sizin için nasıldı?
portal-tandem-feedback-submit = Geri bildirim gönder
portal-tandem-duration = { $minutes } dakika
portal-tandem-error-met_on = Lütfen tandemin başlangıcından bu yana, gelecekte olmayan bir tarih girin.
portal-tandem-error-minutes = Lütfen 1 ile 600 dakika arasında bir süre girin.
portal-tandem-error-topic = Lütfen konuyu kısaca yazın.
portal-tandem-error-feedback = Lütfen geri bildiriminizi yazın.
portal-tandem-error-state = Bu şu anda mümkün değil. Lütfen sayfayı yenileyin.

# Language self-assessment and certificates (issue 16)
portal-language-title = Almancam
portal-language-intro = Almancada neler yapabiliyorsunuz? Her cümle için bir cevap seçin.
portal-language-shared = Öğretmeniniz ve irtibat kişiniz cevaplarınızı görür.
portal-language-target = Bir sonraki hedefiniz: { $level }
portal-language-current = Öğretmeninize göre seviyeniz: { $level }
portal-language-no-level = Bu alan için henüz bir seviye girilmedi.
portal-language-can = Yapabilirim
portal-language-with-help = Yardımla
portal-language-not-yet = Henüz değil
portal-language-save = Cevapları kaydet
portal-language-saved = Teşekkürler! Cevaplarınız kaydedildi.
portal-language-answered = { $date } tarihli cevabınız: { $answer }
portal-language-missing = Lütfen en az bir cümle için bir cevap seçin.
portal-language-certificates = Dil belgelerim
portal-language-certificate-issued = { $date } tarihinde { $provider } tarafından verildi
portal-language-certificate-pdf = Almanca PDF belge
portal-language-certificate-pdf-en = İngilizce PDF belge
portal-language-certificate-credential = İşverenler için dijital belge (dosya)
portal-language-certificate-check = Gerçekliğini kontrol et
portal-language-certificate-revoked = Bu belge artık geçerli değil.
portal-language-no-certificate = Henüz bir dil belgeniz yok. Bunu irtibat kişinize sorun.
portal-skill-listening = Dinleme
portal-skill-reading = Okuma
portal-skill-spoken-interaction = Başkalarıyla konuşma
portal-skill-spoken-production = Sözlü anlatım
portal-skill-writing = Yazma
portal-skill-occupational = İş yerinde Almanca
portal-can-do-a1-listening = Biri benim ve ailem hakkında yavaş konuştuğunda anlayabilirim.
portal-can-do-a1-reading = Tabelalardaki ve afişlerdeki basit kelimeleri ve kısa cümleleri anlayabilirim.
portal-can-do-a1-spoken-interaction = Benimle yavaş konuşulduğunda basit sorular sorabilir ve cevaplayabilirim.
portal-can-do-a1-spoken-production = Basit cümlelerle nerede oturduğumu ve kimleri tanıdığımı söyleyebilirim.
portal-can-do-a1-writing = Bir forma adımı, adresimi ve yaşımı yazabilirim.
portal-can-do-a1-occupational = İş yerinde selam verebilir ve kim olduğumu söyleyebilirim.
portal-can-do-a2-listening = Kısa ve açık anonsların ve mesajların en önemli noktalarını anlayabilirim.
portal-can-do-a2-reading = İlanlar, menüler veya tarifeler gibi kısa ve basit metinleri anlayabilirim.
portal-can-do-a2-spoken-interaction = Basit günlük durumlarda kısa konuşmalar yapabilirim, örneğin alışverişte.
portal-can-do-a2-spoken-production = Basit cümlelerle ailem, eğitimim ve işim hakkında konuşabilirim.
portal-can-do-a2-writing = Kısa ve basit notlar ve mesajlar yazabilirim.
portal-can-do-a2-occupational = İş yerinde basit talimatları anlayabilir ve kısaca soru sorabilirim.
portal-can-do-b1-listening = Biri iş veya boş zaman hakkında açık konuştuğunda en önemli noktaları anlayabilirim.
portal-can-do-b1-reading = Günlük hayat ve iş hakkındaki basit metinleri, örneğin mektupları ve e-postaları anlayabilirim.
portal-can-do-b1-spoken-interaction = Tanıdık konulardaki konuşmalara hazırlıksız katılabilirim.
portal-can-do-b1-spoken-production = Deneyimlerim, isteklerim ve planlarım hakkında konuşabilir ve fikrimi kısaca gerekçelendirebilirim.
portal-can-do-b1-writing = İşim veya deneyimlerim hakkında basit bir e-posta yazabilirim.
portal-can-do-b1-occupational = İş yerinde görevler ve sorunlar hakkında konuşabilirim.
portal-can-do-b2-listening = Uzun konuşmaları, sunumları ve televizyondaki haberlerin çoğunu anlayabilirim.
portal-can-do-b2-reading = Güncel konulardaki makaleleri ve raporları anlayabilirim.
portal-can-do-b2-spoken-interaction = Normal bir sohbeti rahatça yürütecek kadar akıcı konuşabilirim.
portal-can-do-b2-spoken-production = Birçok konu hakkında ayrıntılı konuşabilir, avantajları ve dezavantajları açıklayabilirim.
portal-can-do-b2-writing = Açık ve ayrıntılı metinler yazabilir, bunlarda fikrimi gerekçelendirebilirim.
portal-can-do-b2-occupational = İş toplantılarına aktif olarak katılabilirim.
portal-can-do-c1-listening = Her şey açıkça söylenmese bile uzun konuşmaları anlayabilirim.
portal-can-do-c1-reading = Uzun ve zor metinleri, mesleğimle ilgili uzmanlık metinlerini de anlayabilirim.
portal-can-do-c1-spoken-interaction = Sık sık kelime aramadan akıcı bir şekilde kendimi ifade edebilirim.
portal-can-do-c1-spoken-production = Zor konuları açık ve ayrıntılı bir şekilde açıklayabilirim.
portal-can-do-c1-writing = Zor konularda iyi yapılandırılmış metinler yazabilirim, örneğin raporlar.
portal-can-do-c1-occupational = İş yerinde, zor konuşmalarda bile esnek ve güvenle Almanca konuşabilirim.
portal-can-do-c2-listening = Biri çok hızlı konuşsa bile konuşulan Almancayı zahmetsizce anlayabilirim.
portal-can-do-c2-reading = Zor uzmanlık metinleri ve edebiyat dahil neredeyse tüm metinleri zahmetsizce anlayabilirim.
portal-can-do-c2-spoken-interaction = Her konuşmaya zahmetsizce katılabilir ve ince farkları tam olarak ifade edebilirim.
portal-can-do-c2-spoken-production = Akıcı ve açık konuşabilir, dilimi her duruma uyarlayabilirim.
portal-can-do-c2-writing = Zor metinleri, raporları ve makaleleri açık ve akıcı bir şekilde yazabilirim.
portal-can-do-c2-occupational = İş yerindeki tüm görevleri Almancada ana dilimdeki kadar güvenle yapabilirim.
