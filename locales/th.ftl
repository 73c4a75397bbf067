# Thai: the portal's own sentences (see en.ftl). Ids missing here are shown in English.

# MediaWiki's own message, for wikis older than 1.41 that lack it.
htmlform-optional-flag = (ไม่บังคับ)

## The sign-up form

form-or = หรือ
form-please-wait = โปรดรอสักครู่…
form-start-over = เริ่มใหม่
form-language = ภาษา
form-wiki-signup = สร้างบัญชีบน { $wiki } โดยตรง
form-reference = รหัสอ้างอิงสำหรับแจ้งปัญหา:
form-captcha-needs-script = แคปต์ชาของวิกินี้ต้องใช้จาวาสคริปต์ โปรดเปิดจาวาสคริปต์สำหรับหน้านี้ หรือสร้างบัญชีบนวิกิโดยตรง

## Notices above the form

notice-session-expired = เซสชันของคุณหมดอายุแล้ว จึงยังไม่มีการส่งข้อมูลใด ๆ โปรดตรวจสอบแบบฟอร์มแล้วส่งอีกครั้ง
notice-too-long = “{ $label }” ยาวเกินกว่าที่วิกิรับได้ คือไม่เกิน { $max } ไบต์ (เท่ากับจำนวนอักษรละติน แต่น้อยกว่านั้นสำหรับอักษรอื่นส่วนใหญ่) โปรดทำให้สั้นลง ยังไม่มีการส่งข้อมูลใด ๆ
notice-provider-said = ผู้ให้บริการลงชื่อเข้าใช้ตอบว่า: { $error }
notice-provider-said-why = ผู้ให้บริการลงชื่อเข้าใช้ตอบว่า: { $error } ({ $description })
notice-provider-cancelled = คุณกลับมาก่อนทำขั้นตอนกับผู้ให้บริการลงชื่อเข้าใช้เสร็จ คุณเลือกใหม่ได้
notice-address-limit = หน้าลงทะเบียนนี้ถึงขีดจำกัดบัญชีใหม่ของวิกิแล้วในขณะนี้ เพราะวิกินับการลงทะเบียนทุกครั้งผ่านหน้านี้ว่ามาจากที่อยู่เดียวกัน คุณยังสร้างบัญชีบนวิกิโดยตรงได้ด้วยลิงก์ด้านล่าง (สำหรับผู้จัดงาน: ใช้โหมดผู้จัดงาน หรือขอข้อยกเว้นจากวิกิ)
notice-form-too-old = เพื่อความปลอดภัยของคุณ จึงยังไม่มีการส่งข้อมูลใด ๆ เพราะแบบฟอร์มเก่าเกินไป โปรดตรวจสอบแล้วส่งอีกครั้ง
notice-answers-kept = คำตอบของคุณยังอยู่ในแบบฟอร์มด้านล่าง แต่รหัสผ่านจะไม่ถูกเก็บไว้ โปรดพิมพ์รหัสผ่านอีกครั้ง
notice-start-again = โปรดเริ่มใหม่อีกครั้ง
notice-new-image = นี่คือภาพใหม่ คำตอบของคุณยังอยู่ในแบบฟอร์มด้านล่าง แต่รหัสผ่านจะไม่ถูกเก็บไว้ โปรดพิมพ์รหัสผ่านอีกครั้ง
notice-account-exists = บัญชี { $username } ของคุณถูกสร้างไว้แล้ว ขั้นตอนนี้เป็นเพียงสิ่งที่ตามมาหลังจากนั้น คุณเข้าสู่ระบบวิกิด้วยบัญชีนี้ได้เลย

## The page after the account is created

welcome-created = สร้างบัญชี { $username } ของคุณบน { $wiki } แล้ว
welcome-password-mailed = วิกิได้ส่งรหัสผ่านชั่วคราวไปยังที่อยู่อีเมลของคุณแล้ว โปรดเข้าสู่ระบบด้วยรหัสผ่านนั้น แล้ววิกิจะให้คุณตั้งรหัสผ่านของคุณเอง

## Pages for what went wrong

error-try-again = ปัญหานี้มักเกิดขึ้นชั่วคราว โปรดลองใหม่อีกครั้งในอีกสักครู่
error-try-later = โปรดลองใหม่ภายหลัง
error-wiki-said = วิกิแจ้งว่า: { $said }
error-wiki-unreachable = ติดต่อวิกิไม่ได้ตามปกติ
error-wiki-slow = วิกิใช้เวลาตอบนานเกินไป
error-our-side = เกิดข้อผิดพลาดที่ฝั่งของเรา
error-permission = วิกินี้ไม่อนุญาตให้สร้างบัญชีจากที่นี่
error-throttled = วิกิกำลังจำกัดการสร้างบัญชีใหม่อยู่ในขณะนี้
error-organizer-title = หน้าลงทะเบียนนี้สร้างบัญชีไม่ได้ในขณะนี้
error-organizer = หน้านี้สร้างบัญชีผ่านบัญชีของผู้จัดงานบนวิกิ ซึ่งเข้าสู่ระบบไม่สำเร็จ ผู้จัดงานดูสาเหตุได้ในบันทึกของหน้านี้ โปรดลองใหม่ภายหลัง
error-stray-return-title = ลิงก์ลงชื่อเข้าใช้นี้ไม่ใช่ส่วนหนึ่งของการลงทะเบียนในเบราว์เซอร์นี้
error-stray-return = ลิงก์นี้ถูกใช้ไปแล้ว หรือถูกเปิดในเบราว์เซอร์อื่นที่ไม่ใช่เบราว์เซอร์ที่เริ่มลงทะเบียน ไม่มีการส่งข้อมูลใด ๆ ไปยังวิกิ โปรดเริ่มจากแบบฟอร์มลงทะเบียน
error-bad-form-title = อ่านแบบฟอร์มไม่ได้
error-bad-form = สิ่งที่เบราว์เซอร์ส่งมาไม่ใช่แบบฟอร์มลงทะเบียนของเว็บไซต์นี้ โปรดกลับไปที่แบบฟอร์มแล้วลองอีกครั้ง
error-cross-site-title = แบบฟอร์มนี้ไม่ได้มาจากเว็บไซต์นี้
error-cross-site = เพื่อความปลอดภัยของคุณ จึงยังไม่มีการส่งข้อมูลใด ๆ เพราะแบบฟอร์มถูกส่งมาจากหน้าของเว็บไซต์อื่น โปรดเปิดแบบฟอร์มลงทะเบียนโดยตรงแล้วกรอกที่นั่น
error-framed-cookie-title = โปรดเปิดหน้าลงทะเบียนในแท็บใหม่
error-framed-cookie = แบบฟอร์มลงทะเบียนนี้แสดงอยู่ภายในหน้าของเว็บไซต์อื่น และเบราว์เซอร์ของคุณไม่ยอมให้เก็บคุกกี้หนึ่งตัวที่จำเป็นสำหรับจดจำแบบฟอร์มระหว่างขั้นตอน ยังไม่มีการส่งข้อมูลใด ๆ แบบฟอร์มเดียวกันใช้งานได้ในแท็บของตัวเอง
error-cookie-title = เบราว์เซอร์ของคุณไม่ได้เก็บคุกกี้ของเว็บไซต์นี้
error-cookie = การลงทะเบียนต้องใช้คุกกี้หนึ่งตัวเพื่อจดจำแบบฟอร์มระหว่างขั้นตอน แต่เบราว์เซอร์ของคุณปฏิเสธ ยังไม่มีการส่งข้อมูลใด ๆ โปรดอนุญาตคุกกี้สำหรับเว็บไซต์นี้ แล้วกรอกแบบฟอร์มอีกครั้ง
error-rate-limited-title = พยายามหลายครั้งเกินไป
error-rate-limited = มีการพยายามลงทะเบียนจากเครือข่ายของคุณหลายครั้งเกินไปในเวลาสั้น ๆ โปรดรอ { $seconds } วินาที แล้วลองใหม่อีกครั้ง
error-not-found-title = ไม่พบหน้านี้
error-not-found = ไม่มีสิ่งใดอยู่ที่ที่อยู่นี้
error-not-open-title = ยังไม่เปิดลงทะเบียน
error-not-open = หน้าลงทะเบียนนี้จะเปิดในวันที่ { $opens } โปรดกลับมาอีกครั้งในเวลานั้น
error-over-title = ปิดรับลงทะเบียนแล้ว
error-over = หน้าลงทะเบียนนี้ปิดไปเมื่อ { $closed } คุณยังสร้างบัญชีบนวิกิโดยตรงได้
error-all-accounts-title = หน้าลงทะเบียนนี้สร้างบัญชีครบตามจำนวนแล้ว
error-all-accounts = ผู้จัดงานกำหนดจำนวนบัญชีสำหรับกิจกรรมนี้ไว้ และครบจำนวนแล้ว คุณยังสร้างบัญชีบนวิกิโดยตรงได้
error-report-refused-title = รายงานนี้ต้องเปิดด้วยลิงก์ของรายงาน
error-report-refused = หน้านี้สำหรับผู้จัดงาน โปรดเปิดด้วยลิงก์ที่ได้รับ ซึ่งมีกุญแจของรายงานอยู่
error-hand-off-title = โปรดลงทะเบียนที่หน้าของวิกิเอง
error-hand-off = เพื่อป้องกันการลงทะเบียนอัตโนมัติ { $wiki } ขอให้ผู้ใช้ใหม่ผ่านการตรวจสอบที่แสดงได้เฉพาะในหน้าลงทะเบียนของวิกิเอง โปรดสร้างบัญชีที่นั่น แล้วคุณจะกลับมายังที่เดิมหลังจากนั้น

## Ways on from those pages

action-back = กลับไปที่แบบฟอร์มลงทะเบียน
action-try-again = ลองอีกครั้ง
action-new-tab = เปิดหน้าลงทะเบียนในแท็บใหม่
action-wiki-signup = สร้างบัญชีบนวิกิโดยตรง

## Advice while the form is filled in

check-username-refused = วิกิไม่รับชื่อผู้ใช้นี้
check-password-refused = วิกิไม่รับรหัสผ่านนี้

## The event code, where the organisers set one

event-code-label = รหัสกิจกรรม
event-code-help = คำที่ผู้จัดงานประกาศไว้ในกิจกรรม
event-code-missing = โปรดพิมพ์รหัสกิจกรรมที่ผู้จัดงานประกาศไว้
event-code-wrong = รหัสกิจกรรมไม่ถูกต้อง โปรดตรวจสอบกับผู้จัดงานแล้วพิมพ์อีกครั้ง

## Every page's footer

footer-run-by = หน้านี้ดำเนินการโดย { $operator }
footer-account = บัญชีของคุณสร้างบน { $wiki } ซึ่งเป็นผู้เก็บรหัสผ่านของคุณ หน้านี้ไม่ได้เก็บรหัสผ่านไว้
footer-privacy = ความเป็นส่วนตัว

## คอนโซลผู้จัด (/organize/)
console-title = คอนโซลผู้จัดงาน
console-sign-in-title = ลงชื่อเข้าเพื่อจัดการกิจกรรมของคุณ
console-sign-in-intro = ลงชื่อเข้าด้วยรหัสผ่านบอตของบัญชีวิกิของคุณ ซึ่งสร้างที่ Special:BotPasswords พร้อมสิทธิ์ "Create accounts" ระบบจะเก็บไว้เฉพาะระหว่างที่คุณลงชื่อเข้าอยู่ เว้นแต่คุณจะเปิดโหมดผู้จัดให้กิจกรรม
console-wiki = วิกิ
console-username = ชื่อรหัสผ่านบอต (ชื่อ@แอป)
console-password = รหัสผ่านบอต
console-sign-in = ลงชื่อเข้า
console-sign-out = ออกจากระบบ
console-signed-in-as = ลงชื่อเข้าในชื่อ { $name }
console-refused-not-bot-password = โปรดใส่ชื่อรหัสผ่านบอตตามที่ Special:BotPasswords แสดง: ชื่อ@แอป
console-refused-wrong-password = วิกิไม่ยอมรับชื่อและรหัสผ่านบอตนี้ โปรดตรวจสอบทั้งสองอย่างที่ Special:BotPasswords
console-refused-grant = รหัสผ่านบอตนี้ไม่มีสิทธิ์ "{ $grant }" โปรดเพิ่มที่ Special:BotPasswords แล้วลงชื่อเข้าอีกครั้ง
console-refused-group = { $name } ไม่อยู่ในกลุ่มที่ได้รับอนุญาตให้จัดกิจกรรมที่นี่ ({ $groups }) โปรดขอให้ผู้ดูแลระบบเพิ่มคุณ
console-refused-unreachable = ขณะนี้ติดต่อวิกิ { $wiki } ไม่ได้ โปรดลองอีกครั้งในอีกหนึ่งนาที
console-refused-too-many = พยายามลงชื่อเข้ามากเกินไป โปรดรอหนึ่งนาทีแล้วลองอีกครั้ง
console-your-events = กิจกรรมของคุณ
console-no-events = คุณยังไม่มีกิจกรรม
console-new-event = กิจกรรมใหม่
console-operator-events = กิจกรรมที่ผู้ดูแลระบบตั้งไว้
console-set-by-operator = ตั้งโดยผู้ดูแลระบบ
console-state = สถานะ
console-state-open = เปิดรับ
console-state-not-yet = ยังไม่เปิด (เปิด { $when })
console-state-closed = ปิดแล้ว
console-state-full = เต็มแล้ว: สร้างบัญชีครบจำนวนสูงสุด
console-state-login-failing = การลงชื่อเข้าของผู้จัดล้มเหลว: { $reason }
console-edit = แก้ไข
console-close = ปิดรับสมัคร
console-reopen = เปิดรับสมัครอีกครั้ง
console-save = บันทึก
console-fix-fields = มีการตั้งค่าบางอย่างที่ต้องแก้ไข โปรดดูหมายเหตุข้างช่องนั้น
console-slug-taken = ที่อยู่นี้มีกิจกรรมอื่นใช้แล้ว โปรดเลือกที่อยู่อื่น
console-wiki-not-allowed = กิจกรรมที่นี่ใช้ได้เฉพาะวิกิที่ผู้ดูแลระบบอนุญาต
console-signup-link = ลิงก์สมัครสมาชิก
console-qr-alt = คิวอาร์โค้ดของ { $url }
console-embed = ใส่ไว้ในหน้ากิจกรรมของคุณ
console-report = ผู้ที่สมัครแล้ว
console-accounts = บัญชีจนถึงตอนนี้
console-time = เวลา
console-username-column = ชื่อผู้ใช้
console-csv = ดาวน์โหลดเป็น CSV
console-report-link = ลิงก์ไปยังรายงาน สำหรับผู้ที่ควรเห็นโดยไม่ต้องลงชื่อเข้า
console-organisers = ผู้จัด
console-changes = การเปลี่ยนแปลง
console-change = { $when }: { $who } เปลี่ยน { $setting }
console-organizer-mode-title = โหมดผู้จัด
console-organizer-mode = สร้างบัญชีด้วยรหัสผ่านบอตของฉัน ({ $user })
console-organizer-mode-help = สิทธิ์ของบัญชีคุณช่วยให้กิจกรรมผ่านขีดจำกัดของวิกิได้ รหัสผ่านบอตจะถูกเข้ารหัสเก็บไว้และจะไม่แสดงอีก ยกเลิกเครื่องหมายเพื่อลบทิ้ง หรือลงชื่อเข้าด้วยรหัสใหม่แล้วบันทึกเพื่อแทนที่
console-may-skip-captcha = ผู้สมัครข้ามแคปต์ชา: { $answer }
console-beyond-limit = เกินขีดจำกัดจำนวนบัญชีต่อที่อยู่ของวิกิ: { $answer }
console-limit-applies = บัญชีนี้ไม่มีสิทธิ์ "noratelimit" ขีดจำกัดจำนวนบัญชีต่อที่อยู่ของวิกิจึงยังมีผล
console-no-secrets-key = ไม่มีโหมดผู้จัดที่นี่: ผู้ดูแลระบบยังไม่ได้ตั้ง WIKISIGNUP_SECRETS_KEY ซึ่งจำเป็นต่อการเก็บรหัสผ่านบอต
console-organizer-other-wiki = โหมดผู้จัดสร้างบัญชีบนวิกิที่คุณลงชื่อเข้า โปรดเลือกวิกินั้น หรือลงชื่อเข้าวิกิอื่น
console-organizer-needs-guard = โหมดผู้จัดต้องมีรหัสกิจกรรมหรือจำนวนบัญชีสูงสุด เพราะแคปต์ชาและขีดจำกัดของวิกิไม่ได้กั้นอยู่อีกแล้ว
console-yes = ใช่
console-no = ไม่
console-forget-logo = ลบโลโก้
console-field-slug = ที่อยู่: /e/SLUG/ (อักษรละตินตัวเล็ก ตัวเลข และขีด)
console-field-title = ชื่อกิจกรรม
console-field-intro = คำแนะนำ (เว้นบรรทัดระหว่างย่อหน้า)
console-field-next_steps = สิ่งที่ควรทำต่อหลังสร้างบัญชี
console-field-wiki_api = วิกิ
console-field-language = ภาษาของหน้า (เช่น th, ar, es)
console-field-returnto = หน้าวิกิที่จะไปหลังลงชื่อเข้า
console-field-event_code = รหัสกิจกรรมที่ประกาศในห้อง
console-field-max_accounts = จำนวนบัญชีสูงสุด
console-field-opens = เปิด (เช่น 2026-03-07T09:00:00+07:00)
console-field-closes = ปิด (เช่น 2026-03-07T18:00:00+07:00)
console-field-accent_color = สี (#rrggbb)
console-field-frame_ancestors = เว็บไซต์ที่ฝังหน้านี้ได้ (เช่น https://event.example)
console-field-campaign_event_id = รหัสกิจกรรมบนวิกิ (Extension:CampaignEvents)
console-field-logo = โลโก้ (PNG, JPEG, GIF หรือ WebP ไม่เกิน 512 KiB)
console-field-co_organizers = ผู้จัดร่วม: ชื่อผู้ใช้วิกิ บรรทัดละหนึ่งชื่อ
console-field-time_zone = เขตเวลา (เช่น Asia/Bangkok)

## รายงาน หน้าจอโปรเจกเตอร์ และโปสเตอร์ของกิจกรรม
report-title = ผู้ที่สมัครแล้ว
report-screen = หน้าจอสำหรับโปรเจกเตอร์
report-poster = โปสเตอร์ติดประตู
report-count = บัญชีจนถึงตอนนี้
report-reload = โหลดใหม่
report-pending = มีอีก { $count } บัญชีที่สร้างแล้วแต่ยังรอบันทึกลงฐานข้อมูล จะปรากฏที่นี่เมื่อฐานข้อมูลรับแล้ว
report-chart-title = จำนวนบัญชีที่สร้างในแต่ละชั่วโมง
report-refusals = การสมัครที่ถูกปฏิเสธ
report-refusal-event-code = รหัสกิจกรรมผิดหรือไม่ได้ใส่
report-refusal-captcha = ตอบแคปต์ชาไม่ถูก
report-refusal-username-taken = ชื่อผู้ใช้ถูกใช้แล้ว
report-refusal-wiki-limit = ขีดจำกัดจำนวนบัญชีต่อที่อยู่ของวิกิ
report-refusal-other = เหตุผลอื่นที่วิกิแจ้ง
report-time-zone = เวลาทั้งหมดเป็นเวลาของ { $zone }
report-how = วิธี
report-via-direct = สมัครเอง
report-via-organizer = ผ่านบัญชีของผู้จัด
report-poster-call = สร้างบัญชีของคุณที่นี่: สแกนโค้ดหรือพิมพ์ที่อยู่
report-poster-code = รหัสกิจกรรม:
report-print = พิมพ์
console-replace-report-link = เปลี่ยนลิงก์รายงาน (ลิงก์เดิมจะใช้ไม่ได้อีก)
