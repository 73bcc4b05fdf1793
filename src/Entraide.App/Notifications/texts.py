#!/usr/bin/env python3
# Source of NotificationsText.*.resx: edit here, then run `python3 texts.py .` in this folder.
# Generates NotificationsText.*.resx from one table so the six languages stay aligned.
import html, sys
L = ["en","fr","es","ru","ar","zh"]
T = {}
def t(key, en, fr, es, ru, ar, zh): T[key] = dict(en=en, fr=fr, es=es, ru=ru, ar=ar, zh=zh)

K="cooperation.request.received"
t(K+".title","New request {0} from {1}","Nouvelle demande {0} de {1}","Nueva solicitud {0} de {1}","Новый запрос {0} от {1}","طلب جديد {0} من {1}","来自{1}的新请求 {0}")
t(K+".body","{1} sent request {0} ({2}) to your State. Open it to acknowledge receipt and start the assessment.",
 "{1} a adressé la demande {0} ({2}) à votre État. Ouvrez-la pour en accuser réception et en commencer l'examen.",
 "{1} ha enviado la solicitud {0} ({2}) a su Estado. Ábrala para acusar recibo e iniciar su examen.",
 "Поступил запрос {0} ({2}) от {1}. Откройте его, чтобы подтвердить получение и начать рассмотрение.",
 "ورد إلى دولتكم الطلب {0} ({2}) من {1}. افتحوا الطلب لتأكيد استلامه وبدء دراسته.",
 "{1}向贵国发送了请求 {0}（{2}）。请打开该请求，确认收到并开始审查。")
K="cooperation.request.acknowledged"
t(K+".title","Request {0} acknowledged by {1}","Demande {0} : accusé de réception de {1}","Solicitud {0}: acuse de recibo de {1}","Запрос {0}: получение подтверждено ({1})","الطلب {0}: تأكيد الاستلام من {1}","请求 {0}：{1}已确认收到")
t(K+".body","{1} acknowledged receipt of request {0}.","{1} a accusé réception de la demande {0}.","{1} ha acusado recibo de la solicitud {0}.","Получение запроса {0} подтверждено: {1}.","ورد من {1} تأكيد استلام الطلب {0}.","{1}已确认收到请求 {0}。")
K="cooperation.request.status-changed"
t(K+".title","Request {0}: {1}","Demande {0} : {1}","Solicitud {0}: {1}","Запрос {0}: {1}","الطلب {0}: {1}","请求 {0}：{1}")
t(K+".body","The status of request {0}, exchanged with {2}, is now: {1}.","La demande {0}, échangée avec {2}, a désormais le statut : {1}.","La solicitud {0}, intercambiada con {2}, tiene ahora el estado: {1}.","Статус запроса {0} (другая сторона: {2}) изменён: {1}.","تغيّرت حالة الطلب {0} المتبادل مع {2}، وأصبحت: {1}.","与{2}往来的请求 {0} 的状态已变更为：{1}。")
K="cooperation.request.enquiry"
t(K+".title","Status enquiry on request {0}","Demande de point sur la demande {0}","Consulta sobre el estado de la solicitud {0}","Запрос о ходе исполнения запроса {0}","استفسار عن حالة الطلب {0}","关于请求 {0} 进展的询问")
t(K+".body","{1} asks where request {0} stands. Answer in the request's thread.","{1} demande où en est la demande {0}. Répondez dans le fil de la demande.","{1} pregunta en qué estado se encuentra la solicitud {0}. Responda en el hilo de la solicitud.","{1} запрашивает сведения о ходе исполнения запроса {0}. Ответьте в переписке по запросу.","ورد من {1} استفسار عن حالة الطلب {0}. يُرجى الرد في سلسلة المراسلات الخاصة بالطلب.","{1}询问请求 {0} 的进展。请在该请求的往来消息中答复。")
K="cooperation.request.message"
t(K+".title","New message on request {0}","Nouveau message sur la demande {0}","Nuevo mensaje en la solicitud {0}","Новое сообщение по запросу {0}","رسالة جديدة بشأن الطلب {0}","请求 {0} 有新消息")
t(K+".body","{1} posted a message on request {0}.","{1} a publié un message sur la demande {0}.","{1} ha publicado un mensaje en la solicitud {0}.","Новое сообщение по запросу {0} от: {1}.","وردت رسالة جديدة من {1} بشأن الطلب {0}.","{1}就请求 {0} 发送了一条消息。")
K="cooperation.preservation.expiring"
t(K+".title","Preservation {0} expires on {1}","La conservation {0} expire le {1}","La conservación {0} vence el {1}","Срок сохранения по запросу {0} истекает {1}","تنتهي مدة الحفظ {0} في {1}","保全 {0} 将于 {1} 到期")
t(K+".body","The data preserved under request {0} may be released on {1} ({2} days left). Request an extension, or send the follow-up request for disclosure before then.",
 "Les données conservées au titre de la demande {0} pourront être libérées le {1} (encore {2} jours). Demandez une prolongation ou adressez avant cette date la demande de divulgation qui y fait suite.",
 "Los datos conservados en virtud de la solicitud {0} podrán liberarse el {1} (quedan {2} días). Solicite una prórroga o envíe antes de esa fecha la solicitud de revelación correspondiente.",
 "Данные, сохранённые по запросу {0}, могут быть освобождены {1} (осталось дней: {2}). До этой даты запросите продление или направьте последующий запрос о раскрытии.",
 "يجوز الإفراج عن البيانات المحفوظة بموجب الطلب {0} في {1} (الأيام المتبقية: {2}). اطلبوا التمديد أو أرسلوا طلب الكشف اللاحق قبل ذلك التاريخ.",
 "根据请求 {0} 保全的数据可能于 {1} 解除保全（剩余 {2} 天）。请在此之前申请延期或发送后续披露请求。")
K="cooperation.emergency.escalated"
t(K+".title","Emergency request {0} not acknowledged","Demande d'urgence {0} sans accusé de réception","Solicitud de emergencia {0} sin acuse de recibo","Получение экстренного запроса {0} не подтверждено","لم يُؤكَّد استلام طلب الطوارئ {0}","紧急请求 {0} 尚未确认收到")
t(K+".body","The emergency request {0} from {1} has not been acknowledged after {2} hours. It has been escalated to your State's other 24/7 contacts: acknowledge it now.",
 "La demande d'urgence {0} de {1} n'a pas fait l'objet d'un accusé de réception après {2} heures. Elle a été transmise aux autres points de contact 24/7 de votre État : accusez-en réception dès maintenant.",
 "La solicitud de emergencia {0} de {1} no ha recibido acuse de recibo tras {2} horas. Se ha remitido a los demás puntos de contacto 24/7 de su Estado: acuse recibo ahora.",
 "Получение экстренного запроса {0} от {1} не подтверждено в течение {2} ч. Запрос передан другим круглосуточным контактным пунктам вашего государства: подтвердите получение немедленно.",
 "لم يُؤكَّد استلام طلب الطوارئ {0} الوارد من {1} بعد مرور {2} ساعة. وقد أُحيل إلى جهات الاتصال الأخرى العاملة على مدار الساعة في دولتكم: يُرجى تأكيد الاستلام فوراً.",
 "来自{1}的紧急请求 {0} 在 {2} 小时后仍未确认收到，现已升级至贵国其他全天候联络点：请立即确认收到。")
K="network.verification.requested"
t(K+".title","Contact details to verify: {1}","Coordonnées à vérifier : {1}","Datos de contacto por verificar: {1}","Требуется проверка контактных данных: {1}","بيانات اتصال تنتظر التحقق: {1}","待核实的联系信息：{1}")
t(K+".body","The details of {1} ({0}) in the register await verification. Check them, then confirm or correct them.",
 "Les coordonnées de {1} ({0}) inscrites au répertoire attendent une vérification. Contrôlez-les, puis confirmez-les ou corrigez-les.",
 "Los datos de {1} ({0}) que figuran en el registro están pendientes de verificación. Revíselos y, a continuación, confírmelos o corríjalos.",
 "Данные {1} ({0}) в реестре ожидают проверки. Проверьте их, затем подтвердите или исправьте.",
 "تنتظر بيانات {1} ({0}) المقيدة في السجل التحقق منها. يُرجى مراجعتها ثم تأكيدها أو تصحيحها.",
 "名录中{1}（{0}）的信息有待核实。请检查后予以确认或更正。")
K="network.verification.overdue"
t(K+".title","Verification overdue: {1}","Vérification en retard : {1}","Verificación atrasada: {1}","Просрочена проверка: {1}","تأخّر التحقق: {1}","核实逾期：{1}")
t(K+".body","The verification of {1} ({0}) is {2} days overdue. Until it is confirmed, other States are warned that the details may be out of date.",
 "La vérification de {1} ({0}) a {2} jours de retard. Tant qu'elle n'est pas faite, les autres États sont avertis que les coordonnées peuvent être périmées.",
 "La verificación de {1} ({0}) lleva {2} días de retraso. Mientras no se confirme, se advierte a los demás Estados de que los datos pueden estar desactualizados.",
 "Проверка данных {1} ({0}) просрочена (дней: {2}). Пока она не подтверждена, другие государства предупреждаются, что данные могут быть устаревшими.",
 "تأخّر التحقق من بيانات {1} ({0}) بمقدار {2} يوماً. وإلى أن يُؤكَّد، تُنبَّه الدول الأخرى إلى أن البيانات قد لا تكون محدّثة.",
 "{1}（{0}）的核实已逾期 {2} 天。在确认之前，其他国家将被提示该信息可能已过时。")
K="network.profile.stale"
t(K+".title","The profile of {0} needs review","Le profil de {0} doit être revu","El perfil de {0} debe revisarse","Профиль ({0}) требует проверки","يلزم استعراض ملف {0}","{0}的概况需要复核")
t(K+".body","The cooperation profile of {0} was last confirmed on {1}. Review it and confirm that it is still accurate.",
 "Le profil de coopération de {0} a été confirmé pour la dernière fois le {1}. Revoyez-le et confirmez qu'il est toujours exact.",
 "El perfil de cooperación de {0} se confirmó por última vez el {1}. Revíselo y confirme que sigue siendo exacto.",
 "Профиль сотрудничества ({0}) последний раз подтверждён {1}. Проверьте его и подтвердите, что сведения актуальны.",
 "أُكِّد ملف التعاون الخاص بـ{0} آخر مرة في {1}. يُرجى استعراضه وتأكيد أنه لا يزال دقيقاً.",
 "{0}的合作概况最后一次确认于 {1}。请复核并确认其仍然准确。")
K="deliberation.consultation.opened"
t(K+".title","Consultation opened: {0}","Consultation ouverte : {0}","Consulta abierta: {0}","Открыта консультация: {0}","فُتح باب المشاورة: {0}","征求意见已开始：{0}")
t(K+".body","The consultation “{0}” is open until {1}. Your delegation may submit its comments until then.",
 "La consultation « {0} » est ouverte jusqu'au {1}. Votre délégation peut soumettre ses observations jusqu'à cette date.",
 "La consulta «{0}» está abierta hasta el {1}. Su delegación puede presentar sus observaciones hasta esa fecha.",
 "Консультация «{0}» открыта до {1}. До этой даты ваша делегация может представить свои замечания.",
 "باب المشاورة «{0}» مفتوح حتى {1}. ويجوز لوفدكم تقديم تعليقاته حتى ذلك التاريخ.",
 "征求意见“{0}”开放至 {1}。贵代表团可在此日期前提交意见。")
K="deliberation.consultation.extended"
t(K+".title","Consultation extended: {0}","Consultation prolongée : {0}","Consulta prorrogada: {0}","Консультация продлена: {0}","مُدِّدت المشاورة: {0}","征求意见已延期：{0}")
t(K+".body","The consultation “{0}” now closes on {1}.","La consultation « {0} » se clôt désormais le {1}.","La consulta «{0}» se cierra ahora el {1}.","Консультация «{0}» теперь завершается {1}.","يُغلق باب المشاورة «{0}» الآن في {1}.","征求意见“{0}”现定于 {1} 截止。")
K="notifications.webhook.test"
t(K+".title","Test event","Événement de test","Evento de prueba","Тестовое событие","حدث تجريبي","测试事件")
t(K+".body","A test event sent by an administrator to check that your system receives and verifies Entraide's calls.",
 "Événement de test envoyé par un administrateur pour vérifier que votre système reçoit et authentifie les appels d'Entraide.",
 "Evento de prueba enviado por un administrador para comprobar que su sistema recibe y verifica las llamadas de Entraide.",
 "Тестовое событие, отправленное администратором, чтобы проверить, что ваша система получает и проверяет вызовы Entraide.",
 "حدث تجريبي أرسله مسؤول للتحقق من أن نظامكم يتلقى نداءات Entraide ويتحقق من صحتها.",
 "由管理员发送的测试事件，用于检查贵方系统能否接收并验证 Entraide 的调用。")

for k,v in {
 "cooperation.request.received":["Request received","Demande reçue","Solicitud recibida","Получение запроса","ورود طلب","收到请求"],
 "cooperation.request.acknowledged":["Receipt acknowledged","Accusé de réception","Acuse de recibo","Подтверждение получения","تأكيد الاستلام","确认收到"],
 "cooperation.request.status-changed":["Status changed","Changement de statut","Cambio de estado","Изменение статуса","تغيّر الحالة","状态变更"],
 "cooperation.request.enquiry":["Status enquiry","Demande de point","Consulta sobre el estado","Запрос о ходе исполнения","استفسار عن الحالة","进展询问"],
 "cooperation.request.message":["Message on a request","Message sur une demande","Mensaje en una solicitud","Сообщение по запросу","رسالة بشأن طلب","请求消息"],
 "cooperation.preservation.expiring":["Preservation expiring","Conservation arrivant à échéance","Conservación próxima a vencer","Истечение срока сохранения","قرب انتهاء مدة الحفظ","保全即将到期"],
 "cooperation.emergency.escalated":["Emergency escalated","Urgence signalée à d'autres contacts","Emergencia escalada","Эскалация экстренного запроса","تصعيد طلب طوارئ","紧急请求升级"],
 "network.verification.requested":["Verification requested","Vérification demandée","Verificación solicitada","Запрос проверки","طلب تحقق","请求核实"],
 "network.verification.overdue":["Verification overdue","Vérification en retard","Verificación atrasada","Просроченная проверка","تأخّر التحقق","核实逾期"],
 "network.profile.stale":["Profile to review","Profil à revoir","Perfil por revisar","Профиль требует проверки","ملف يلزم استعراضه","概况待复核"],
 "deliberation.consultation.opened":["Consultation opened","Consultation ouverte","Consulta abierta","Открытие консультации","فتح مشاورة","征求意见开始"],
 "deliberation.consultation.extended":["Consultation extended","Consultation prolongée","Consulta prorrogada","Продление консультации","تمديد مشاورة","征求意见延期"],
 "notifications.webhook.test":["Test event","Événement de test","Evento de prueba","Тестовое событие","حدث تجريبي","测试事件"],
 "*":["All events","Tous les événements","Todos los eventos","Все события","جميع الأحداث","所有事件"],
}.items(): t("event."+k,*v)

t("email.urgent","[URGENT]","[URGENT]","[URGENTE]","[СРОЧНО]","[عاجل]","[紧急]")
t("email.open","Open in Entraide:","Ouvrir dans Entraide :","Abrir en Entraide:","Открыть в Entraide:","الفتح في Entraide:","在 Entraide 中打开：")
t("email.footer","You receive this message because your Entraide account holds a role concerned by this event. Do not reply to this e-mail.",
 "Vous recevez ce message parce que votre compte Entraide détient un rôle concerné par cet événement. Ne répondez pas à ce courriel.",
 "Recibe este mensaje porque su cuenta de Entraide tiene una función relacionada con este evento. No responda a este correo electrónico.",
 "Вы получили это сообщение, поскольку ваша учётная запись в Entraide имеет роль, к которой относится это событие. Не отвечайте на это письмо.",
 "تتلقون هذه الرسالة لأن حسابكم في Entraide يحمل دوراً معنياً بهذا الحدث. يُرجى عدم الرد على هذه الرسالة.",
 "您收到此邮件，是因为您的 Entraide 账户拥有与此事件相关的角色。请勿回复此邮件。")

# Error codes and field labels ({0} field label, {1} article, {2}… arguments).
t("pdf-unavailable","Printing to PDF is not available on this server at the moment; the HTML version can be printed from the browser.",
 "L'impression en PDF n'est pas disponible sur ce serveur pour le moment ; la version HTML peut être imprimée depuis le navigateur.",
 "La impresión en PDF no está disponible en este servidor por el momento; la versión HTML puede imprimirse desde el navegador.",
 "Печать в PDF на этом сервере сейчас недоступна; HTML-версию можно распечатать из браузера.",
 "الطباعة بصيغة PDF غير متاحة على هذا الخادم حالياً؛ ويمكن طباعة نسخة HTML من المتصفح.",
 "此服务器目前无法打印 PDF；可从浏览器打印 HTML 版本。")
t("page-size-out-of-range","{0} must be between 1 and {2}.","{0} doit être une valeur comprise entre 1 et {2}.","{0} debe estar entre 1 y {2}.","{0}: допустимо значение от 1 до {2}.","{0} يجب أن يكون بين 1 و{2}.","{0}必须介于 1 和 {2} 之间。")
t("webhook-url-invalid","{0} must be a full http or https address, without user name or password.",
 "{0} doit être une adresse http ou https complète, sans nom d'utilisateur ni mot de passe.",
 "{0} debe ser una dirección http o https completa, sin nombre de usuario ni contraseña.",
 "{0}: укажите полный адрес http или https без имени пользователя и пароля.",
 "{0} يجب أن يكون عنواناً كاملاً يبدأ بـ http أو https، دون اسم مستخدم أو كلمة مرور.",
 "{0}必须是完整的 http 或 https 地址，且不含用户名或密码。")
t("webhook-url-not-https","{0} must use https: webhook calls carry confidential information.",
 "{0} doit utiliser https : les appels de webhook transportent des informations confidentielles.",
 "{0} debe utilizar https: las llamadas de webhook transmiten información confidencial.",
 "{0}: требуется https, поскольку вызовы веб-хуков передают конфиденциальную информацию.",
 "{0} يجب أن يستخدم https، إذ تحمل نداءات خطافات الويب معلومات سرية.",
 "{0}必须使用 https：webhook 调用携带机密信息。")
t("unknown-event","{0} includes an event that does not exist: {2}.","{0} comprend un événement qui n'existe pas : {2}.","{0} incluye un evento que no existe: {2}.","{0} содержит несуществующее событие: {2}.","{0} تتضمن حدثاً غير موجود: {2}.","{0}中包含不存在的事件：{2}。")
t("too-many-webhooks","Your State already has the largest number of webhooks allowed; delete one first.",
 "Votre État a déjà le nombre maximal de webhooks autorisés ; supprimez-en un d'abord.",
 "Su Estado ya tiene el número máximo de webhooks permitidos; elimine uno primero.",
 "У вашего государства уже создано максимальное число веб-хуков; сначала удалите один из них.",
 "لدى دولتكم بالفعل الحد الأقصى المسموح به من خطافات الويب؛ احذفوا أحدها أولاً.",
 "贵国的 webhook 数量已达上限；请先删除一个。")
t("webhook-inactive","This webhook is switched off; switch it on before sending a test event.",
 "Ce webhook est désactivé ; activez-le avant d'envoyer un événement de test.",
 "Este webhook está desactivado; actívelo antes de enviar un evento de prueba.",
 "Этот веб-хук отключён; включите его, прежде чем отправлять тестовое событие.",
 "خطاف الويب هذا معطَّل؛ فعِّلوه قبل إرسال حدث تجريبي.",
 "此 webhook 已停用；请先启用，再发送测试事件。")
t("field.url","The URL","L'URL","La URL","URL-адрес","عنوان URL","URL")
t("field.events","The list of events","La liste des événements","La lista de eventos","Список событий","قائمة الأحداث","事件列表")
t("field.description","The description","La description","La descripción","Описание","الوصف","说明")
t("field.page","The page number","Le numéro de page","El número de página","Номер страницы","رقم الصفحة","页码")
t("field.pageSize","The page size","La taille de page","El tamaño de página","Размер страницы","حجم الصفحة","每页条数")

# Pages.
t("Notifications","Notifications","Notifications","Notificaciones","Уведомления","الإشعارات","通知")
t("Webhooks","Webhooks","Webhooks","Webhooks","Веб-хуки","خطافات الويب","Webhooks")
t("{0} unread","{0} unread","{0} non lues","{0} sin leer","Непрочитанных: {0}","{0} غير مقروءة","{0} 条未读")
t("Show","Show","Afficher","Mostrar","Показать","عرض","显示")
t("All notifications","All notifications","Toutes les notifications","Todas las notificaciones","Все уведомления","جميع الإشعارات","全部通知")
t("Unread only","Unread only","Non lues seulement","Solo sin leer","Только непрочитанные","غير المقروءة فقط","仅未读")
t("Mark as read","Mark as read","Marquer comme lue","Marcar como leída","Отметить как прочитанное","وضع علامة «مقروء»","标记为已读")
t("Mark all as read","Mark all as read","Tout marquer comme lu","Marcar todas como leídas","Отметить все как прочитанные","وضع علامة «مقروء» على الكل","全部标记为已读")
t("Urgent","Urgent","Urgent","Urgente","Срочно","عاجل","紧急")
t("Unread","Unread","Non lue","Sin leer","Не прочитано","غير مقروء","未读")
t("Read","Read","Lue","Leída","Прочитано","مقروء","已读")
t("Open","Open","Ouvrir","Abrir","Открыть","فتح","打开")
t("You have no notifications.","You have no notifications.","Vous n'avez aucune notification.","No tiene notificaciones.","У вас нет уведомлений.","لا توجد لديكم إشعارات.","您没有通知。")
t("Previous page","Previous page","Page précédente","Página anterior","Предыдущая страница","الصفحة السابقة","上一页")
t("Next page","Next page","Page suivante","Página siguiente","Следующая страница","الصفحة التالية","下一页")
t("Page {0} of {1}","Page {0} of {1}","Page {0} sur {1}","Página {0} de {1}","Страница {0} из {1}","الصفحة {0} من {1}","第 {0} 页，共 {1} 页")
t("Pages","Pages","Pages","Páginas","Страницы","الصفحات","分页")
t("webhooks.intro","A webhook lets your State's own system hear of events as they happen: Entraide calls the address you give with a JSON description of the event, signed with a secret that only your system and Entraide know.",
 "Un webhook permet au système de votre État d'être informé des événements dès qu'ils surviennent : Entraide appelle l'adresse que vous indiquez avec une description JSON de l'événement, signée avec un secret que seuls votre système et Entraide connaissent.",
 "Un webhook permite que el sistema de su Estado se entere de los eventos en cuanto ocurren: Entraide llama a la dirección que usted indique con una descripción JSON del evento, firmada con un secreto que solo conocen su sistema y Entraide.",
 "Веб-хук позволяет системе вашего государства узнавать о событиях сразу: Entraide обращается по указанному вами адресу и передаёт описание события в формате JSON, подписанное секретом, известным только вашей системе и Entraide.",
 "يتيح خطاف الويب لنظام دولتكم العلم بالأحداث فور وقوعها: إذ يستدعي Entraide العنوان الذي تحددونه ويرسل وصفاً للحدث بصيغة JSON موقَّعاً بسرٍّ لا يعرفه إلا نظامكم وEntraide.",
 "通过 webhook，贵国自己的系统可以实时获知事件：Entraide 会调用您提供的地址，发送以 JSON 描述的事件，并使用只有贵方系统和 Entraide 知道的密钥签名。")
t("webhooks.verify","To check a call, compute the HMAC-SHA256 of the Entraide-Timestamp header, a full stop and the raw body, keyed with the secret, and compare it with the Entraide-Signature header (v1=…); refuse calls more than five minutes old.",
 "Pour vérifier un appel, calculez le HMAC-SHA256 de l'en-tête Entraide-Timestamp, d'un point et du corps brut, avec le secret pour clé, et comparez-le à l'en-tête Entraide-Signature (v1=…) ; refusez les appels de plus de cinq minutes.",
 "Para verificar una llamada, calcule el HMAC-SHA256 del encabezado Entraide-Timestamp, un punto y el cuerpo sin procesar, con el secreto como clave, y compárelo con el encabezado Entraide-Signature (v1=…); rechace las llamadas de más de cinco minutos.",
 "Чтобы проверить вызов, вычислите HMAC-SHA256 от заголовка Entraide-Timestamp, точки и необработанного тела запроса с секретом в качестве ключа и сравните результат с заголовком Entraide-Signature (v1=…); отклоняйте вызовы старше пяти минут.",
 "للتحقق من نداء، احسبوا HMAC-SHA256 لقيمة الترويسة Entraide-Timestamp متبوعةً بنقطة ثم بالمتن الخام، باستخدام السر مفتاحاً، وقارنوا النتيجة بالترويسة Entraide-Signature (v1=…)؛ وارفضوا النداءات التي مضى عليها أكثر من خمس دقائق.",
 "验证调用时，以密钥计算 Entraide-Timestamp 头、一个句点和原始正文的 HMAC-SHA256，并与 Entraide-Signature 头（v1=…）比较；拒绝超过五分钟的调用。")
t("New webhook","New webhook","Nouveau webhook","Nuevo webhook","Новый веб-хук","خطاف ويب جديد","新建 webhook")
t("Address (URL)","Address (URL)","Adresse (URL)","Dirección (URL)","Адрес (URL)","العنوان (URL)","地址（URL）")
t("Description (optional)","Description (optional)","Description (facultative)","Descripción (opcional)","Описание (необязательно)","الوصف (اختياري)","说明（可选）")
t("Events","Events","Événements","Eventos","События","الأحداث","事件")
t("Create webhook","Create webhook","Créer le webhook","Crear webhook","Создать веб-хук","إنشاء خطاف الويب","创建 webhook")
t("secret.once","Copy this secret now: it will not be shown again. Your system needs it to check the signature of each call.",
 "Copiez ce secret maintenant : il ne sera plus affiché. Votre système en a besoin pour vérifier la signature de chaque appel.",
 "Copie este secreto ahora: no se volverá a mostrar. Su sistema lo necesita para verificar la firma de cada llamada.",
 "Скопируйте этот секрет сейчас: он больше не будет показан. Он нужен вашей системе для проверки подписи каждого вызова.",
 "انسخوا هذا السر الآن، فلن يُعرض مرة أخرى. يحتاج إليه نظامكم للتحقق من توقيع كل نداء.",
 "请立即复制此密钥：它不会再次显示。贵方系统需要它来验证每次调用的签名。")
t("Your State has no webhooks yet.","Your State has no webhooks yet.","Votre État n'a encore aucun webhook.","Su Estado aún no tiene webhooks.","У вашего государства пока нет веб-хуков.","لا توجد لدى دولتكم خطافات ويب بعد.","贵国尚无 webhook。")
t("Address","Address","Adresse","Dirección","Адрес","العنوان","地址")
t("Secret","Secret","Secret","Secreto","Секрет","السر","密钥")
t("Active","Active","Actif","Activo","Включён","مفعَّل","已启用")
t("Switched off","Switched off","Désactivé","Desactivado","Отключён","معطَّل","已停用")
t("Switch off","Switch off","Désactiver","Desactivar","Отключить","تعطيل","停用")
t("Switch on","Switch on","Activer","Activar","Включить","تفعيل","启用")
t("Delete","Delete","Supprimer","Eliminar","Удалить","حذف","删除")
t("New secret","New secret","Nouveau secret","Nuevo secreto","Новый секрет","سر جديد","新密钥")
t("Send a test event","Send a test event","Envoyer un événement de test","Enviar un evento de prueba","Отправить тестовое событие","إرسال حدث تجريبي","发送测试事件")
t("A test event is on its way.","A test event is on its way.","Un événement de test est en cours d'envoi.","Se está enviando un evento de prueba.","Тестовое событие отправляется.","يجري إرسال حدث تجريبي.","测试事件正在发送。")
t("Delivery log","Delivery log","Journal des envois","Registro de envíos","Журнал доставки","سجل الإرسال","投递日志")
t("Event","Event","Événement","Evento","Событие","الحدث","事件")
t("Attempt","Attempt","Tentative","Intento","Попытка","المحاولة","尝试")
t("When","When","Date","Fecha","Когда","التوقيت","时间")
t("Answer","Answer","Réponse","Respuesta","Ответ","الرد","响应")
t("Duration (ms)","Duration (ms)","Durée (ms)","Duración (ms)","Длительность (мс)","المدة (مللي ثانية)","耗时（毫秒）")
t("Result","Result","Résultat","Resultado","Результат","النتيجة","结果")
t("No deliveries yet.","No deliveries yet.","Aucun envoi pour l'instant.","Todavía no hay envíos.","Доставок пока нет.","لا توجد عمليات إرسال بعد.","尚无投递。")
t("status.pending","Waiting for a new attempt","En attente d'une nouvelle tentative","En espera de un nuevo intento","Ожидает повторной попытки","في انتظار محاولة جديدة","等待重试")
t("status.delivered","Delivered","Remis","Entregado","Доставлено","سُلِّم","已送达")
t("status.failed","Failed","Échec","Fallido","Не доставлено","فشل","失败")
t("status.skipped","Not sent","Non envoyé","No enviado","Не отправлено","لم يُرسَل","未发送")
t("Back to webhooks","Back to webhooks","Retour aux webhooks","Volver a los webhooks","Назад к веб-хукам","العودة إلى خطافات الويب","返回 webhook 列表")
t("The webhook was deleted.","The webhook was deleted.","Le webhook a été supprimé.","El webhook se ha eliminado.","Веб-хук удалён.","حُذف خطاف الويب.","webhook 已删除。")
t("Saved.","Saved.","Enregistré.","Guardado.","Сохранено.","حُفظ.","已保存。")

out = sys.argv[1]
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for l in L:
    name = f"{out}/NotificationsText.resx" if l == "en" else f"{out}/NotificationsText.{l}.resx"
    with open(name, "w", encoding="utf-8") as f:
        f.write(head)
        for k in sorted(T, key=str.lower):
            f.write(f'  <data name="{html.escape(k, quote=True)}" xml:space="preserve"><value>{html.escape(T[k][l], quote=False)}</value></data>\n')
        f.write("</root>\n")
print(len(T), "keys")
