# Indonesian: the portal's own sentences (see en.ftl). Awaits review by a
# fluent speaker: each sentence keeps close to MediaWiki's own Indonesian
# for the same thing where MediaWiki has one.

# MediaWiki's own message, for wikis older than 1.41 that lack it.
htmlform-optional-flag = (opsional)

## The sign-up form

form-or = atau
form-please-wait = Mohon tunggu…
form-start-over = Mulai lagi
form-language = Bahasa
form-wiki-signup = Buat akun Anda langsung di { $wiki }
form-reference = Rujukan untuk bantuan:
form-captcha-needs-script = CAPTCHA wiki ini memerlukan JavaScript. Aktifkan JavaScript untuk halaman ini, atau buat akun Anda langsung di wiki.

## Notices above the form

notice-session-expired = Sesi Anda telah berakhir, jadi belum ada yang dikirim. Periksa formulir dan kirimkan lagi.
notice-too-long = "{ $label }" lebih panjang daripada yang diterima wiki: paling banyak { $max } bita (sebanyak itu huruf Latin, lebih sedikit dalam kebanyakan aksara lain). Perpendek isinya; belum ada yang dikirim.
notice-provider-said = Layanan masuk menjawab: { $error }.
notice-provider-said-why = Layanan masuk menjawab: { $error } ({ $description }).
notice-provider-cancelled = Anda kembali sebelum selesai dengan layanan masuk. Anda dapat memilih lagi.
notice-address-limit = Halaman pendaftaran ini telah mencapai batas akun baru wiki untuk saat ini: wiki menghitung setiap pendaftaran melalui halaman ini sebagai berasal dari satu alamat. Anda masih dapat membuat akun langsung di wiki, dengan pranala di bawah. (Penyelenggara: gunakan mode penyelenggara, atau mintalah pengecualian kepada wiki.)
notice-form-too-old = Demi keamanan Anda, tidak ada yang dikirim: formulir sudah terlalu lama. Periksa dan kirimkan lagi.
notice-answers-kept = Jawaban Anda masih ada di formulir di bawah; kata sandi tidak pernah disimpan, jadi ketikkan kata sandi Anda lagi.
notice-start-again = Silakan mulai lagi.
notice-new-image = Ini gambar baru. Jawaban Anda masih ada di formulir di bawah; kata sandi tidak pernah disimpan, jadi ketikkan kata sandi Anda lagi.
notice-account-exists = Akun Anda { $username } sudah dibuat; langkah ini hanya tentang apa yang berikutnya. Anda sudah dapat masuk log ke wiki dengan akun itu.

## The page after the account is created

welcome-created = Akun Anda { $username } telah dibuat di { $wiki }.
welcome-password-mailed = Wiki telah mengirim kata sandi sementara ke alamat surel Anda. Masuk log dengan kata sandi itu; kemudian wiki meminta Anda memilih kata sandi sendiri.

## Pages for what went wrong

error-try-again = Biasanya ini hanya sementara: coba lagi sebentar lagi.
error-try-later = Coba lagi nanti.
error-wiki-said = Wiki menjawab: { $said }
error-wiki-unreachable = Wiki tidak dapat dihubungi dengan benar
error-wiki-slow = Wiki terlalu lama menjawab
error-our-side = Terjadi kesalahan di pihak kami
error-permission = Wiki ini tidak mengizinkan pembuatan akun di sini
error-throttled = Wiki sedang membatasi akun baru
error-organizer-title = Halaman pendaftaran ini tidak dapat membuat akun saat ini
error-organizer = Halaman ini membuat akun melalui akun penyelenggara di wiki, yang tidak dapat masuk log. Penyelenggara dapat melihat alasannya di log halaman. Coba lagi nanti.
error-stray-return-title = Pranala masuk ini bukan bagian dari pendaftaran di peramban ini
error-stray-return = Pranala ini sudah digunakan, atau dibuka di peramban lain daripada yang memulai pendaftaran. Tidak ada yang dikirim ke wiki. Mulailah dari formulir pendaftaran.
error-bad-form-title = Formulir tidak dapat dibaca
error-bad-form = Yang dikirim peramban bukan formulir pendaftaran situs ini. Kembali ke formulir dan coba lagi.
error-cross-site-title = Formulir ini tidak berasal dari situs ini
error-cross-site = Demi keamanan Anda, tidak ada yang dikirim: formulir dikirim oleh halaman situs lain. Buka formulir pendaftarannya sendiri dan isi di sana.
error-framed-cookie-title = Buka pendaftaran di tab tersendiri
error-framed-cookie = Formulir pendaftaran ini ditampilkan di dalam halaman situs lain, dan peramban Anda tidak mengizinkannya menyimpan satu kuki yang diperlukan untuk mengingat formulir Anda antarlangkah di sana. Tidak ada yang dikirim. Di tab tersendiri, formulir yang sama berfungsi.
error-cookie-title = Peramban Anda tidak menyimpan kuki situs ini
error-cookie = Pendaftaran memerlukan satu kuki untuk mengingat formulir Anda antarlangkah, dan peramban Anda menolaknya. Tidak ada yang dikirim. Izinkan kuki untuk situs ini, lalu isi formulir lagi.
error-rate-limited-title = Terlalu banyak percobaan
error-rate-limited = Terlalu banyak percobaan pendaftaran datang dari jaringan Anda dalam waktu singkat. Tunggu { $seconds } detik, lalu coba lagi.
error-not-found-title = Halaman tidak ditemukan
error-not-found = Tidak ada apa-apa di alamat ini.
error-not-open-title = Pendaftaran belum dibuka
error-not-open = Halaman pendaftaran ini dibuka pada { $opens }. Silakan kembali saat itu.
error-over-title = Pendaftaran sudah ditutup
error-over = Halaman pendaftaran ini ditutup pada { $closed }. Anda masih dapat membuat akun langsung di wiki.
error-all-accounts-title = Halaman pendaftaran ini telah membuat semua akun yang diizinkan
error-all-accounts = Penyelenggara menetapkan jumlah akun untuk acara ini, dan jumlah itu telah tercapai. Anda masih dapat membuat akun langsung di wiki.
error-report-refused-title = Laporan ini memerlukan pranalanya
error-report-refused = Halaman ini untuk penyelenggara acara: bukalah dengan pranala yang mereka terima, yang membawa kuncinya.
error-hand-off-title = Silakan mendaftar di halaman wiki itu sendiri
error-hand-off = Untuk melindungi diri dari pendaftaran otomatis, { $wiki } meminta pengguna baru melakukan pemeriksaan yang hanya dapat ditampilkan halaman pendaftarannya sendiri. Buat akun Anda di sana; setelah itu Anda kembali ke tempat yang sama.

## Ways on from those pages

action-back = Kembali ke formulir pendaftaran
action-try-again = Coba lagi
action-new-tab = Buka pendaftaran di tab baru
action-wiki-signup = Buat akun Anda langsung di wiki

## Advice while the form is filled in

check-username-refused = Wiki tidak menerima nama pengguna ini.
check-password-refused = Wiki tidak menerima kata sandi ini.

## The event code, where the organisers set one

event-code-label = Kode acara
event-code-help = Kata yang diumumkan penyelenggara di acara.
event-code-missing = Ketikkan kode acara yang diumumkan penyelenggara.
event-code-wrong = Itu bukan kode acara. Periksa dengan penyelenggara dan ketikkan lagi.

## Every page's footer

footer-run-by = Halaman ini dikelola oleh { $operator }.
footer-account = Akun Anda dibuat di { $wiki }, yang menyimpan kata sandi Anda; halaman ini tidak menyimpannya.
footer-privacy = Privasi
