<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AudienceList</name>
        <message>
            <source>%1 could not be opened: %2</source>
            <translation>No se pudo abrir %1: %2</translation>
        </message>
        <message>
            <source>The list is empty.</source>
            <translation>La lista está vacía.</translation>
        </message>
        <message>
            <source>The list has no phone column: name one of its columns "Teléfono", "Celular", "WhatsApp" or "Phone".</source>
            <translation>La lista no tiene columna de teléfono: llama a una de sus columnas «Teléfono», «Celular», «WhatsApp» o «Phone».</translation>
        </message>
        <message>
            <source>no phone number</source>
            <translation>sin número de teléfono</translation>
        </message>
    </context>
    <context>
        <name>CampaignPlan</name>
        <message>
            <source>label “%1”</source>
            <translation>etiqueta «%1»</translation>
        </message>
        <message>
            <source>wrote between %1 and %2</source>
            <translation>escribieron entre el %1 y el %2</translation>
        </message>
        <message>
            <source>list %1</source>
            <translation>lista %1</translation>
        </message>
        <message>
            <source>search “%1”</source>
            <translation>búsqueda «%1»</translation>
        </message>
        <message>
            <source>asked not to get promotions</source>
            <translation>pidieron no recibir promociones</translation>
        </message>
        <message>
            <source>blocked</source>
            <translation>bloqueados</translation>
        </message>
        <message>
            <source>no WhatsApp number</source>
            <translation>sin número de WhatsApp</translation>
        </message>
        <message>
            <source>no value for a variable (for example, no name)</source>
            <translation>sin valor para una variable (por ejemplo, sin nombre)</translation>
        </message>
        <message>
            <source>already sent this campaign</source>
            <translation>ya recibieron esta campaña</translation>
        </message>
        <message>
            <source>{{%1}} has no value: give it with --param (text, {first_name}, {note}, {last_order} or a list's {column}), or add a column named %1 to the list.</source>
            <translation>{{%1}} no tiene valor: dalo con --param (un texto, {first_name}, {note}, {last_order} o una {columna} de la lista), o añade a la lista una columna llamada %1.</translation>
        </message>
    </context>
    <context>
        <name>ChatExportFile</name>
        <message>
            <source>%1 cannot be read.</source>
            <translation>No se puede leer %1.</translation>
        </message>
        <message>
            <source>%1 is not a .zip that can be opened.</source>
            <translation>%1 no es un .zip que se pueda abrir.</translation>
        </message>
        <message>
            <source>%1 holds no chat: an exported chat's .zip has a .txt inside.</source>
            <translation>%1 no contiene ningún chat: el .zip de un chat exportado lleva un .txt dentro.</translation>
        </message>
    </context>
    <context>
        <name>ChatExportReader</name>
        <message>
            <source>This is not a WhatsApp chat export: no line starts with a date and a time as "Export chat" writes them.</source>
            <translation>Esto no es un chat exportado de WhatsApp: ninguna línea empieza con una fecha y una hora como las escribe «Exportar chat».</translation>
        </message>
        <message>
            <source>line %1: the date or time cannot be read (%2); kept as text of the message before it</source>
            <translation>línea %1: no se entiende la fecha o la hora (%2); se guarda como texto del mensaje anterior</translation>
        </message>
        <message>
            <source>line %1: text before the first message: %2</source>
            <translation>línea %1: texto antes del primer mensaje: %2</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>línea %1: %2</translation>
        </message>
    </context>
    <context>
        <name>ChatImport</name>
        <message>
            <source>Say which name in the chats is the shop's.</source>
            <translation>Indica qué nombre de los chats es el de la tienda.</translation>
        </message>
        <message>
            <source>A number goes with one chat only; import the others without it.</source>
            <translation>Un número va con un solo chat; importa los demás sin él.</translation>
        </message>
        <message>
            <source>Import cancelled: nothing was added.</source>
            <translation>Importación cancelada: no se añadió nada.</translation>
        </message>
        <message>
            <source>“%1” wrote nothing in this chat, so every message would be filed as the customer's. Who wrote in it: %2.</source>
            <translation>«%1» no escribió nada en este chat, así que todos los mensajes quedarían como del cliente. Quién escribió en él: %2.</translation>
        </message>
        <message>
            <source>day first</source>
            <translation>primero el día</translation>
        </message>
        <message>
            <source>month first</source>
            <translation>primero el mes</translation>
        </message>
        <message>
            <source>year first</source>
            <translation>primero el año</translation>
        </message>
        <message>
            <source>%1 (every date reads both ways: check them)</source>
            <translation>%1 (todas las fechas se leen de las dos maneras: revísalas)</translation>
        </message>
        <message>
            <source>%1: %2 – %3, %4</source>
            <translation>%1: %2 – %3, %4</translation>
        </message>
    </context>
    <context>
        <name>ConnectionCheck</name>
        <message>
            <source>The phone number ID is a long number such as 106540352242922 (WhatsApp ▸ API Setup), not the phone number itself.</source>
            <translation>El identificador del número de teléfono es un número largo como 106540352242922 (WhatsApp ▸ Configuración de la API), no el número de teléfono.</translation>
        </message>
        <message>
            <source>The WhatsApp Business Account ID is a long number, shown under the phone number ID in WhatsApp ▸ API Setup.</source>
            <translation>El identificador de la cuenta de WhatsApp Business es un número largo; aparece bajo el identificador del número en WhatsApp ▸ Configuración de la API.</translation>
        </message>
        <message>
            <source>Paste the whole access token (it is long and starts with EAA).</source>
            <translation>Pega el token de acceso entero (es largo y empieza por EAA).</translation>
        </message>
        <message>
            <source>Paste the app secret (App settings ▸ Basic ▸ App secret, after Show).</source>
            <translation>Pega la clave secreta de la app (Configuración de la app ▸ Información básica ▸ Clave secreta, tras pulsar Mostrar).</translation>
        </message>
        <message>
            <source>Mostrador could not reach Meta: %1. Check this computer's internet connection and try again.</source>
            <translation>Mostrador no pudo contactar con Meta: %1. Revisa la conexión a internet de este ordenador y vuelve a intentarlo.</translation>
        </message>
        <message>
            <source>Meta does not accept this access token: it is wrong or has expired. Create a permanent one (Business settings ▸ System users ▸ Generate token) and paste it again.</source>
            <translation>Meta no acepta este token de acceso: es incorrecto o ha caducado. Crea uno permanente (Configuración del negocio ▸ Usuarios del sistema ▸ Generar token) y vuelve a pegarlo.</translation>
        </message>
        <message>
            <source>The access token lacks a permission. When you generate it, tick whatsapp_business_messaging and whatsapp_business_management.</source>
            <translation>Al token de acceso le falta un permiso. Al generarlo, marca whatsapp_business_messaging y whatsapp_business_management.</translation>
        </message>
        <message>
            <source>No phone number with ID %1 can be reached with this token. Copy the Phone number ID from WhatsApp ▸ API Setup.</source>
            <translation>Con este token no se llega a ningún número con identificador %1. Copia el identificador del número de teléfono de WhatsApp ▸ Configuración de la API.</translation>
        </message>
        <message>
            <source>No WhatsApp Business Account with ID %1 can be reached with this token. Copy the WhatsApp Business Account ID from WhatsApp ▸ API Setup.</source>
            <translation>Con este token no se llega a ninguna cuenta de WhatsApp Business con identificador %1. Cópialo de WhatsApp ▸ Configuración de la API.</translation>
        </message>
    </context>
    <context>
        <name>ContactBook</name>
        <message>
            <source>%1, line %2: %3: no number WhatsApp can use</source>
            <translation>%1, línea %2: %3: ningún número que WhatsApp pueda usar</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>(sin nombre)</translation>
        </message>
    </context>
    <context>
        <name>ContactFile</name>
        <message>
            <source>This is neither a vCard (.vcf) nor a contacts CSV with a name and a phone column.</source>
            <translation>No es una vCard (.vcf) ni un CSV de contactos con una columna de nombre y otra de teléfono.</translation>
        </message>
        <message>
            <source>This CSV has no name and phone columns (for example "Name" and "Phone 1 - Value", or "Nombre" and "Teléfono").</source>
            <translation>Este CSV no tiene columnas de nombre y teléfono (por ejemplo «Name» y «Phone 1 - Value», o «Nombre» y «Teléfono»).</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2</source>
            <translation>No se puede leer %1: %2</translation>
        </message>
    </context>
    <context>
        <name>CredentialVault</name>
        <message>
            <source>Could not write %1: %2</source>
            <translation>No se pudo escribir %1: %2</translation>
        </message>
        <message>
            <source>The credentials file %1 cannot be read: %2. Connect the number again.</source>
            <translation>No se puede leer el archivo de credenciales %1: %2. Vuelve a conectar el número.</translation>
        </message>
        <message>
            <source>The credentials file %1 is damaged. Connect the number again.</source>
            <translation>El archivo de credenciales %1 está dañado. Vuelve a conectar el número.</translation>
        </message>
    </context>
    <context>
        <name>DesktopOptions</name>
        <message>
            <source>Mostrador: the WhatsApp inbox for small shops.</source>
            <translation>Mostrador: la bandeja de WhatsApp para tiendas pequeñas.</translation>
        </message>
        <message>
            <source>Try Mostrador with simulated customers, without a WhatsApp account.</source>
            <translation>Prueba Mostrador con clientes simulados, sin cuenta de WhatsApp.</translation>
        </message>
        <message>
            <source>Use this interface language: es or en.</source>
            <translation>Usa este idioma en la interfaz: es o en.</translation>
        </message>
        <message>
            <source>language</source>
            <translation>idioma</translation>
        </message>
        <message>
            <source>Show the window once, save it as a PNG image and quit.</source>
            <translation>Muestra la ventana una vez, la guarda como imagen PNG y sale.</translation>
        </message>
        <message>
            <source>file</source>
            <translation>archivo</translation>
        </message>
        <message>
            <source>Unexpected argument: %1</source>
            <translation>Argumento inesperado: %1</translation>
        </message>
        <message>
            <source>Unknown language "%1". Use es or en.</source>
            <translation>Idioma desconocido «%1». Usa es o en.</translation>
        </message>
        <message>
            <source>window</source>
            <translation>ventana</translation>
        </message>
        <message>
            <source>Unknown window "%1". Use %2.</source>
            <translation>Ventana desconocida «%1». Usa %2.</translation>
        </message>
        <message>
            <source>Open this database instead of the one in your data folder: a file, or postgres://user@host/db for team mode (also MOSTRADOR_DB).</source>
            <translation>Abrir esta base de datos en lugar de la de tu carpeta de datos: un archivo, o postgres://usuario@equipo/base para el modo equipo (también MOSTRADOR_DB).</translation>
        </message>
        <message>
            <source>Show this help and quit.</source>
            <translation>Muestra esta ayuda y sale.</translation>
        </message>
        <message>
            <source>Open one of the shop's windows at start: %1 (with --screenshot, the picture is of that window).</source>
            <translation>Abre al empezar una de las ventanas de la tienda: %1 (con --screenshot, la imagen es de esa ventana).</translation>
        </message>
    </context>
    <context>
        <name>ImportRecordStore</name>
        <message>
            <source>There is no import number %1.</source>
            <translation>No hay ninguna importación con el número %1.</translation>
        </message>
        <message>
            <source>Import %1 was already undone on %2.</source>
            <translation>La importación %1 ya se deshizo el %2.</translation>
        </message>
    </context>
    <context>
        <name>MediaLimits</name>
        <message>
            <source>This file is %1; WhatsApp accepts up to %2 for this kind of file.</source>
            <translation>Este archivo ocupa %1; WhatsApp acepta hasta %2 para este tipo de archivo.</translation>
        </message>
        <message>
            <source>This file is empty.</source>
            <translation>Este archivo está vacío.</translation>
        </message>
        <message>
            <source>WhatsApp does not accept this kind of file (%1). Photos (JPEG, PNG), videos (MP4), audio and documents such as PDF, Word or Excel can be sent.</source>
            <translation>WhatsApp no acepta este tipo de archivo (%1). Se pueden enviar fotos (JPEG, PNG), vídeos (MP4), audio y documentos como PDF, Word o Excel.</translation>
        </message>
    </context>
    <context>
        <name>MessagePayloads</name>
        <message>
            <source>The message is empty.</source>
            <translation>El mensaje está vacío.</translation>
        </message>
        <message>
            <source>The message is %1 characters long; WhatsApp allows up to %2.</source>
            <translation>El mensaje tiene %1 caracteres; WhatsApp permite hasta %2.</translation>
        </message>
        <message>
            <source>A message can have from 1 to 3 reply buttons.</source>
            <translation>Un mensaje puede tener de 1 a 3 botones de respuesta.</translation>
        </message>
        <message>
            <source>Button titles must have 1 to 20 characters: "%1" does not.</source>
            <translation>Los títulos de los botones deben tener de 1 a 20 caracteres: «%1» no los cumple.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::AboutDialog</name>
        <message>
            <source>About Mostrador</source>
            <translation>Acerca de Mostrador</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Mostrador %1&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Mostrador %1&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>The WhatsApp counter for small shops: every chat in one inbox, answers ready to send and honest automatic replies when the shop is closed.</source>
            <translation>El mostrador de WhatsApp para tiendas pequeñas: todos los chats en una bandeja, respuestas listas para enviar y respuestas automáticas honestas cuando la tienda está cerrada.</translation>
        </message>
        <message>
            <source>Mostrador is free software under the GNU General Public License, version 3 or later. It is built on these components:</source>
            <translation>Mostrador es software libre bajo la Licencia Pública General de GNU, versión 3 o posterior. Está hecho con estos componentes:</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Componente</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versión</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licencia</translation>
        </message>
        <message>
            <source>system</source>
            <translation>del sistema</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::AddressBook</name>
        <message>
            <source>Contacts to import</source>
            <translation>Contactos para importar</translation>
        </message>
        <message>
            <source>Address books (*.vcf *.csv)</source>
            <translation>Agendas de contactos (*.vcf *.csv)</translation>
        </message>
        <message>
            <source>Export contacts</source>
            <translation>Exportar contactos</translation>
        </message>
        <message>
            <source>/customers.vcf</source>
            <translation>/clientes.vcf</translation>
        </message>
        <message>
            <source>vCard, for phones and Google (*.vcf);;CSV, for spreadsheets (*.csv)</source>
            <translation>vCard, para teléfonos y Google (*.vcf);;CSV, para hojas de cálculo (*.csv)</translation>
        </message>
        <message>
            <source>Contacts not imported</source>
            <translation>Contactos no importados</translation>
        </message>
        <message>
            <source>Nothing was imported. %1</source>
            <translation>No se importó nada. %1</translation>
        </message>
        <message numerus="yes">
            <source>%n contact(s) read: %1 new customers, %2 already known by their number.</source>
            <translation>
                <numerusform>%n contacto leído: %1 clientes nuevos, %2 ya conocidos por su número.</numerusform>
                <numerusform>%n contactos leídos: %1 clientes nuevos, %2 ya conocidos por su número.</numerusform>
            </translation>
        </message>
        <message>
            <source>Without a number WhatsApp can use: %1</source>
            <translation>Sin un número que WhatsApp pueda usar: %1</translation>
        </message>
        <message>
            <source>Find them with File ▸ New conversation (Ctrl+N) by name or number.</source>
            <translation>Búscalos en Archivo ▸ Nueva conversación (Ctrl+N) por nombre o número.</translation>
        </message>
        <message>
            <source>Contacts imported</source>
            <translation>Contactos importados</translation>
        </message>
        <message>
            <source>Contacts not exported</source>
            <translation>Contactos no exportados</translation>
        </message>
        <message>
            <source>%1 could not be written: %2</source>
            <translation>No se pudo escribir %1: %2</translation>
        </message>
        <message>
            <source>Contacts exported</source>
            <translation>Contactos exportados</translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) written to %1.</source>
            <translation>
                <numerusform>%n cliente escrito en %1.</numerusform>
                <numerusform>%n clientes escritos en %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::AppHistorySync</name>
        <message>
            <source>The WhatsApp Business app's history was not shared: the owner declined on the phone.</source>
            <translation>No se compartió el historial de la app WhatsApp Business: se rechazó en el teléfono.</translation>
        </message>
        <message>
            <source>History from the WhatsApp Business app: all here.</source>
            <translation>Historial de la app WhatsApp Business: completo.</translation>
        </message>
        <message>
            <source>Bringing your history from the WhatsApp Business app: %1 %</source>
            <translation>Trayendo tu historial de la app WhatsApp Business: %1 %</translation>
        </message>
        <message>
            <source>History from the WhatsApp Business app: asked, waiting for Meta…</source>
            <translation>Historial de la app WhatsApp Business: pedido, esperando a Meta…</translation>
        </message>
        <message>
            <source>Bring history from the WhatsApp Business app</source>
            <translation>Traer el historial de la app WhatsApp Business</translation>
        </message>
        <message>
            <source>Meta will ask the owner's phone to share the WhatsApp Business app's contacts and up to 180 days of its chats (not groups; photos and files of the last 14 days only). It can be asked only once for this number: if the owner declines on the phone, it cannot be asked again.

Ask now?</source>
            <translation>Meta pedirá al teléfono del dueño que comparta los contactos de la app WhatsApp Business y hasta 180 días de sus chats (no los grupos; fotos y archivos solo de los últimos 14 días). Solo se puede pedir una vez para este número: si el dueño lo rechaza en el teléfono, no se podrá volver a pedir.

¿Pedirlo ahora?</translation>
        </message>
        <message>
            <source>Meta did not take the request for the WhatsApp Business app's contacts: %1</source>
            <translation>Meta no aceptó la petición de los contactos de la app WhatsApp Business: %1</translation>
        </message>
        <message>
            <source>Meta did not take the request for the WhatsApp Business app's history: %1</source>
            <translation>Meta no aceptó la petición del historial de la app WhatsApp Business: %1</translation>
        </message>
        <message>
            <source>Meta took the request for the app's history, but this computer could not note it: %1</source>
            <translation>Meta recibió la solicitud del historial de la aplicación, pero este equipo no pudo anotarla: %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::AttachmentBanner</name>
        <message>
            <source>Do not send these files</source>
            <translation>No enviar estos archivos</translation>
        </message>
        <message>
            <source>Sent with the message: %1</source>
            <translation>Se envía con el mensaje: %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::AutomaticRepliesDialog</name>
        <message>
            <source>Opening hours and automatic replies</source>
            <translation>Horario y respuestas automáticas</translation>
        </message>
        <message>
            <source>When the shop is open</source>
            <translation>Cuándo abre la tienda</translation>
        </message>
        <message>
            <source>As customers know it, e.g. Casa Nube</source>
            <translation>Como la conocen los clientes, p. ej. Casa Nube</translation>
        </message>
        <message>
            <source>Automatic replies</source>
            <translation>Respuestas automáticas</translation>
        </message>
        <message>
            <source>Away message when a customer writes while the shop is closed</source>
            <translation>Mensaje de ausencia cuando un cliente escribe con la tienda cerrada</translation>
        </message>
        <message>
            <source>Away message</source>
            <translation>Mensaje de ausencia</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Not if someone from the shop replied in the last</source>
            <translation>No si alguien de la tienda respondió en los últimos</translation>
        </message>
        <message>
            <source>Greeting for a customer's first message</source>
            <translation>Saludo al primer mensaje de un cliente</translation>
        </message>
        <message>
            <source>Greeting message</source>
            <translation>Mensaje de saludo</translation>
        </message>
        <message>
            <source> days</source>
            <translation> días</translation>
        </message>
        <message>
            <source>…and again after a silence of</source>
            <translation>…y otra vez tras un silencio de</translation>
        </message>
        <message>
            <source>Who sends them</source>
            <translation>Quién las envía</translation>
        </message>
        <message>
            <source>This computer, while Mostrador is open</source>
            <translation>Este ordenador, mientras Mostrador esté abierto</translation>
        </message>
        <message>
            <source>mostrador-server, on an always-on machine</source>
            <translation>mostrador-server, en un equipo siempre encendido</translation>
        </message>
        <message>
            <source>Write the away message, or turn it off.</source>
            <translation>Escribe el mensaje de ausencia, o desactívalo.</translation>
        </message>
        <message>
            <source>Write the greeting, or turn it off.</source>
            <translation>Escribe el saludo, o desactívalo.</translation>
        </message>
        <message>
            <source>Automatic replies are off: nobody is answered automatically.</source>
            <translation>Las respuestas automáticas están apagadas: nadie recibe respuesta automática.</translation>
        </message>
        <message>
            <source>mostrador-server sends the automatic replies, as long as it runs with this store (mostrador-server serve). This computer does not, so no customer gets them twice.</source>
            <translation>mostrador-server envía las respuestas automáticas, siempre que esté funcionando con esta base de datos (mostrador-server serve). Este ordenador no las envía, así ningún cliente las recibe dos veces.</translation>
        </message>
        <message>
            <source>Not armed right now: this computer is not receiving the shop's messages (the number is not connected), so nothing can be answered. Connect the number, or let mostrador-server send them.</source>
            <translation>Ahora no están activas: este ordenador no está recibiendo los mensajes de la tienda (el número no está conectado), así que no se puede responder nada. Conecta el número o deja que las envíe mostrador-server.</translation>
        </message>
        <message>
            <source>Armed: this computer sends the automatic replies while Mostrador is open. When it is closed or off, nobody answers automatically.</source>
            <translation>Activas: este ordenador envía las respuestas automáticas mientras Mostrador esté abierto. Si se cierra o se apaga, nadie responde automáticamente.</translation>
        </message>
        <message>
            <source>Automatic replies off.</source>
            <translation>Respuestas automáticas apagadas.</translation>
        </message>
        <message>
            <source>Automatic replies sent by mostrador-server.</source>
            <translation>Respuestas automáticas enviadas por mostrador-server.</translation>
        </message>
        <message>
            <source>Automatic replies armed on this computer.</source>
            <translation>Respuestas automáticas activas en este ordenador.</translation>
        </message>
        <message>
            <source>Automatic replies not armed: nothing is being received.</source>
            <translation>Respuestas automáticas inactivas: no se está recibiendo nada.</translation>
        </message>
        <message>
            <source>In English, for customers who write in English (optional)</source>
            <translation>En inglés, para clientes que escriben en inglés (opcional)</translation>
        </message>
        <message>
            <source>Away message in English</source>
            <translation>Mensaje de ausencia en inglés</translation>
        </message>
        <message>
            <source>Greeting message in English</source>
            <translation>Mensaje de saludo en inglés</translation>
        </message>
        <message>
            <source>Shop name ({shop}):</source>
            <translation>Nombre de la tienda ({tienda}):</translation>
        </message>
        <message>
            <source>You can use {name} (the customer's first name), {shop}, {today} and {tomorrow} (or the Spanish {nombre}, {tienda}, {hoy}, {mañana}). Each customer gets the away message once per closed period, not once per message. Customers who write in English get the English version when there is one.</source>
            <translation>Puedes usar {nombre} (el nombre del cliente), {tienda}, {hoy} y {mañana} (o en inglés {name}, {shop}, {today}, {tomorrow}). Cada cliente recibe el mensaje de ausencia una vez por cierre, no una vez por mensaje. Quien escribe en inglés recibe la versión en inglés si la hay.</translation>
        </message>
        <message>
            <source>Since %1 Meta bills every reply, automatic ones too: these cost %2 last month, and %3 this month at this pace.</source>
            <translation>Desde el %1 Meta cobra cada respuesta, también las automáticas: estas costaron %2 el mes pasado y costarán %3 este mes a este ritmo.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::BusinessProfileDialog</name>
        <message>
            <source>Business profile</source>
            <translation>Perfil de empresa</translation>
        </message>
        <message>
            <source>What customers see</source>
            <translation>Lo que ven los clientes</translation>
        </message>
        <message>
            <source>Choose photo…</source>
            <translation>Elegir foto…</translation>
        </message>
        <message>
            <source>Profile photo</source>
            <translation>Foto del perfil</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>Imágenes (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>JPEG or PNG, square, up to 5 MB; 640×640 looks best.</source>
            <translation>JPEG o PNG, cuadrada, hasta 5 MB; a 640×640 se ve mejor.</translation>
        </message>
        <message>
            <source>Photo:</source>
            <translation>Foto:</translation>
        </message>
        <message>
            <source>About:</source>
            <translation>Info.:</translation>
        </message>
        <message>
            <source>One line under the name, e.g. Home goods · we deliver in Bogotá</source>
            <translation>Una línea bajo el nombre, p. ej. Hogar y decoración · envíos en Bogotá</translation>
        </message>
        <message>
            <source>(not set)</source>
            <translation>(sin indicar)</translation>
        </message>
        <message>
            <source>Category:</source>
            <translation>Categoría:</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Descripción</translation>
        </message>
        <message>
            <source>Description:</source>
            <translation>Descripción:</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Dirección:</translation>
        </message>
        <message>
            <source>Email:</source>
            <translation>Correo:</translation>
        </message>
        <message>
            <source>Website:</source>
            <translation>Sitio web:</translation>
        </message>
        <message>
            <source>Second website:</source>
            <translation>Segundo sitio web:</translation>
        </message>
        <message>
            <source>https://instagram.com/… (optional)</source>
            <translation>https://instagram.com/… (opcional)</translation>
        </message>
        <message>
            <source>Opening hours and automatic replies…</source>
            <translation>Horario y respuestas automáticas…</translation>
        </message>
        <message>
            <source>Hours:</source>
            <translation>Horario:</translation>
        </message>
        <message>
            <source>Reading the profile from WhatsApp…</source>
            <translation>Leyendo el perfil de WhatsApp…</translation>
        </message>
        <message>
            <source>Could not read the profile: %1</source>
            <translation>No se pudo leer el perfil: %1</translation>
        </message>
        <message>
            <source>This is the profile WhatsApp has now. Changes are sent when you press Save.</source>
            <translation>Este es el perfil que tiene WhatsApp ahora. Los cambios se envían al pulsar Guardar.</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>No se pudo abrir %1: %2</translation>
        </message>
        <message>
            <source>The photo must be a JPEG or PNG image.</source>
            <translation>La foto tiene que ser una imagen JPEG o PNG.</translation>
        </message>
        <message>
            <source>The photo is %1 MB; WhatsApp takes up to 5 MB.</source>
            <translation>La foto pesa %1 MB; WhatsApp admite hasta 5 MB.</translation>
        </message>
        <message>
            <source>The photo could not be read as an image.</source>
            <translation>La foto no se pudo leer como imagen.</translation>
        </message>
        <message>
            <source>New photo chosen; it is small (%1×%2) and may look blurry. Press Save to send it.</source>
            <translation>Foto nueva elegida; es pequeña (%1×%2) y puede verse borrosa. Pulsa Guardar para enviarla.</translation>
        </message>
        <message>
            <source>New photo chosen. Press Save to send it.</source>
            <translation>Foto nueva elegida. Pulsa Guardar para enviarla.</translation>
        </message>
        <message>
            <source>Sending the photo…</source>
            <translation>Enviando la foto…</translation>
        </message>
        <message>
            <source>The photo was not sent: %1 Nothing was changed.</source>
            <translation>La foto no se envió: %1 No se cambió nada.</translation>
        </message>
        <message>
            <source>Saving the profile…</source>
            <translation>Guardando el perfil…</translation>
        </message>
        <message>
            <source>The profile was not saved: %1</source>
            <translation>El perfil no se guardó: %1</translation>
        </message>
        <message>
            <source>Saved. Customers see the new profile in WhatsApp within a few minutes.</source>
            <translation>Guardado. Los clientes verán el perfil nuevo en WhatsApp en unos minutos.</translation>
        </message>
        <message>
            <source>To change the photo Mostrador needs the app ID from Meta's dashboard (Shop ▸ Connection to WhatsApp). The other fields can be saved without it: remove the new photo by reopening this window.</source>
            <translation>Para cambiar la foto, Mostrador necesita el identificador de la aplicación del panel de Meta (Tienda ▸ Conexión con WhatsApp). Lo demás se puede guardar sin él: quita la foto nueva volviendo a abrir esta ventana.</translation>
        </message>
        <message>
            <source>No WhatsApp number is connected yet. Connect it in Shop ▸ Connection to WhatsApp; then its profile can be read and changed here.</source>
            <translation>Todavía no hay ningún número de WhatsApp conectado. Conéctalo en Tienda ▸ Conexión con WhatsApp; después podrás leer y cambiar aquí su perfil.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CampaignRunner</name>
        <message>
            <source>There is no such campaign.</source>
            <translation>No existe esa campaña.</translation>
        </message>
        <message>
            <source>This campaign has already been sent.</source>
            <translation>Esta campaña ya se envió.</translation>
        </message>
        <message>
            <source>This campaign was cancelled.</source>
            <translation>Esta campaña se canceló.</translation>
        </message>
        <message>
            <source>%1 is sending this campaign; it goes on there.</source>
            <translation>%1 está enviando esta campaña; sigue allí.</translation>
        </message>
        <message>
            <source>Another computer took this campaign over.</source>
            <translation>Otro equipo se hizo cargo de esta campaña.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CampaignsDialog</name>
        <message>
            <source>scheduled for %1</source>
            <translation>programada para %1</translation>
        </message>
        <message>
            <source>about to start</source>
            <translation>a punto de empezar</translation>
        </message>
        <message>
            <source>sending</source>
            <translation>enviándose</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>en pausa</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>cancelada</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>enviada</translation>
        </message>
        <message>
            <source>Campaigns</source>
            <translation>Campañas</translation>
        </message>
        <message>
            <source>A campaign sends an approved template to many customers, once each, at a pace WhatsApp accepts. Customers who asked not to get promotions never get one.</source>
            <translation>Una campaña envía una plantilla aprobada a muchos clientes, una vez a cada uno, al ritmo que WhatsApp acepta. Quien pidió no recibir promociones nunca recibe una.</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>Campaña</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Plantilla</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Enviados</translation>
        </message>
        <message>
            <source>New campaign…</source>
            <translation>Nueva campaña…</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausar</translation>
        </message>
        <message>
            <source>Cancel the campaign…</source>
            <translation>Cancelar la campaña…</translation>
        </message>
        <message>
            <source>Cancel the campaign?</source>
            <translation>¿Cancelar la campaña?</translation>
        </message>
        <message>
            <source>Customers who have not got it yet will not get it. What was sent stays sent.</source>
            <translation>Los clientes que aún no la recibieron no la recibirán. Lo enviado, enviado está.</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 de %2</translation>
        </message>
        <message>
            <source>No campaign yet. A campaign needs an approved template: see Shop ▸ Templates.</source>
            <translation>Aún no hay campañas. Una campaña necesita una plantilla aprobada: mira Tienda ▸ Plantillas.</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <source>%1 · %2 · %3</source>
            <translation>%1 · %2 · %3</translation>
        </message>
        <message>
            <source>To receive it</source>
            <translation>Para recibirla</translation>
        </message>
        <message>
            <source>Waiting to go</source>
            <translation>Esperando para salir</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Entregado</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>Leídos</translation>
        </message>
        <message>
            <source>Replied</source>
            <translation>Respondieron</translation>
        </message>
        <message>
            <source>Not delivered</source>
            <translation>No entregados</translation>
        </message>
        <message>
            <source>Unknown (sent when a crash hit; not sent again)</source>
            <translation>Sin saber (salían cuando hubo un fallo; no se repiten)</translation>
        </message>
        <message>
            <source>Left out</source>
            <translation>Quedaron fuera</translation>
        </message>
        <message>
            <source>Why some were not delivered:</source>
            <translation>Por qué algunos no se entregaron:</translation>
        </message>
        <message>
            <source>refused by WhatsApp</source>
            <translation>rechazado por WhatsApp</translation>
        </message>
        <message>
            <source>Left out: %1.</source>
            <translation>Quedaron fuera: %1.</translation>
        </message>
        <message>
            <source>Cost so far: %1 %2</source>
            <translation>Coste hasta ahora: %1 %2</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) Meta charged for, at its rates of %1.</source>
            <translation>
                <numerusform>%n mensaje cobrado por Meta, con sus tarifas del %1.</numerusform>
                <numerusform>%n mensajes cobrados por Meta, con sus tarifas del %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Being sent by %1.</source>
            <translation>La está enviando %1.</translation>
        </message>
        <message>
            <source>Not changed</source>
            <translation>Sin cambios</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CatalogDialog</name>
        <message>
            <source>Catalog</source>
            <translation>Catálogo</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Precio</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>Existencias</translation>
        </message>
        <message>
            <source>Where it lives</source>
            <translation>Dónde está</translation>
        </message>
        <message>
            <source>Read from WhatsApp</source>
            <translation>Leer de WhatsApp</translation>
        </message>
        <message>
            <source>Reads the catalog connected to the number in Meta's Commerce Manager (also done once a day)</source>
            <translation>Lee el catálogo conectado al número en el Administrador de ventas de Meta (también se hace una vez al día)</translation>
        </message>
        <message>
            <source>Import spreadsheet…</source>
            <translation>Importar hoja de cálculo…</translation>
        </message>
        <message>
            <source>Export spreadsheet…</source>
            <translation>Exportar hoja de cálculo…</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Añadir…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Editar…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>Disponible</translation>
        </message>
        <message>
            <source>Sold out</source>
            <translation>Agotado</translation>
        </message>
        <message>
            <source>WhatsApp catalog</source>
            <translation>Catálogo de WhatsApp</translation>
        </message>
        <message>
            <source>Shop's list</source>
            <translation>Lista de la tienda</translation>
        </message>
        <message>
            <source>This product is in the catalog on WhatsApp: change it in Meta's Commerce Manager.</source>
            <translation>Este producto está en el catálogo de WhatsApp: cámbialo en el Administrador de ventas de Meta.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CatalogFeed</name>
        <message>
            <source>%1 could not be opened: %2</source>
            <translation>No se pudo abrir %1: %2</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>El archivo está vacío.</translation>
        </message>
        <message>
            <source>The file has no column for the products' names: call one "title" (as Meta's catalog does) or "nombre".</source>
            <translation>El archivo no tiene columna con los nombres de los productos: llama a una «title» (como el catálogo de Meta) o «nombre».</translation>
        </message>
        <message>
            <source>no name</source>
            <translation>sin nombre</translation>
        </message>
        <message>
            <source>"%1" is not a price</source>
            <translation>«%1» no es un precio</translation>
        </message>
        <message>
            <source>the id %1 is on an earlier row</source>
            <translation>el id %1 ya está en una fila anterior</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CatalogSync</name>
        <message>
            <source>Meta's catalog could not be read: %1</source>
            <translation>No se pudo leer el catálogo de Meta: %1</translation>
        </message>
        <message>
            <source>This WhatsApp account has no catalog at Meta: the shop's own list is used.</source>
            <translation>Esta cuenta de WhatsApp no tiene catálogo en Meta: se usa la lista propia de la tienda.</translation>
        </message>
        <message>
            <source>The catalog could not be kept: %1</source>
            <translation>No se pudo guardar el catálogo: %1</translation>
        </message>
        <message>
            <source>This WhatsApp account has no catalog at Meta, and its old products could not be removed here: %1</source>
            <translation>Esta cuenta de WhatsApp no tiene catálogo en Meta, y sus productos anteriores no se pudieron quitar aquí: %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ChatImports</name>
        <message>
            <source>Chats exported from the phone</source>
            <translation>Chats exportados desde el teléfono</translation>
        </message>
        <message>
            <source>Exported chats (*.txt *.zip)</source>
            <translation>Chats exportados (*.txt *.zip)</translation>
        </message>
        <message>
            <source>Not added:
%1</source>
            <translation>No se añadieron:
%1</translation>
        </message>
        <message numerus="yes">
            <source>%n chat(s) imported: %1 new messages, %2 already there.</source>
            <translation>
                <numerusform>%n chat importado: %1 mensajes nuevos, %2 ya estaban.</numerusform>
                <numerusform>%n chats importados: %1 mensajes nuevos, %2 ya estaban.</numerusform>
            </translation>
        </message>
        <message>
            <source>Media kept: %1 · not included in the export: %2.</source>
            <translation>Archivos guardados: %1 · no incluidos en la exportación: %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) could not be read and were kept as text of the message before them:</source>
            <translation>
                <numerusform>%n línea no se pudo leer y se guardó como texto del mensaje anterior:</numerusform>
                <numerusform>%n líneas no se pudieron leer y se guardaron como texto del mensaje anterior:</numerusform>
            </translation>
        </message>
        <message>
            <source>History waits for nobody: chats with no new message are under the All and Resolved views.</source>
            <translation>El historial no espera respuesta: los chats sin mensajes nuevos están en las vistas Todas y Resueltas.</translation>
        </message>
        <message>
            <source>Nothing was undone: %1</source>
            <translation>No se deshizo nada: %1</translation>
        </message>
        <message numerus="yes">
            <source>Import undone: %n message(s) taken out (conversations it had started and left empty: %1). Add the chats again and choose the shop's name to import them right.</source>
            <translation>
                <numerusform>Importación deshecha: se quitó %n mensaje (conversaciones que había abierto y quedaron vacías: %1). Añade los chats de nuevo y elige el nombre de la tienda para importarlos bien.</numerusform>
                <numerusform>Importación deshecha: se quitaron %n mensajes (conversaciones que había abierto y quedaron vacías: %1). Añade los chats de nuevo y elige el nombre de la tienda para importarlos bien.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::Composer</name>
        <message>
            <source>Write a message… (Enter sends, Shift+Enter adds a line)</source>
            <translation>Escribe un mensaje… (Intro envía, Mayús+Intro añade una línea)</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Mensaje</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Enviar</translation>
        </message>
        <message>
            <source>More than 24 hours have passed since this customer last wrote. WhatsApp only allows an approved template until they write again.</source>
            <translation>Han pasado más de 24 horas desde el último mensaje de este cliente. WhatsApp solo permite una plantilla aprobada hasta que vuelva a escribir.</translation>
        </message>
        <message>
            <source>The 24-hour window closes at %1. Reply now, or you will need a template.</source>
            <translation>La ventana de 24 horas se cierra a las %1. Responde ahora o necesitarás una plantilla.</translation>
        </message>
        <message>
            <source>Replying to: %1</source>
            <translation>Respondiendo a: %1</translation>
        </message>
        <message>
            <source>Do not quote</source>
            <translation>No citar</translation>
        </message>
        <message>
            <source>Send a file</source>
            <translation>Enviar un archivo</translation>
        </message>
        <message>
            <source>File…</source>
            <translation>Archivo…</translation>
        </message>
        <message>
            <source>Send a photo, video, audio or document; the text you wrote goes as its caption</source>
            <translation>Envía una foto, vídeo, audio o documento; el texto que escribiste va como pie</translation>
        </message>
        <message>
            <source>Emoji</source>
            <translation>Emoji</translation>
        </message>
        <message>
            <source>At opening</source>
            <translation>Al abrir</translation>
        </message>
        <message>
            <source>The shop is closed: send this when it opens (%1).</source>
            <translation>La tienda está cerrada: enviar esto cuando abra (%1).</translation>
        </message>
        <message>
            <source>The 24-hour window closes before the shop opens (%1): send it now, or later with a template.</source>
            <translation>La ventana de 24 horas se cierra antes de que abra la tienda (%1): envíalo ahora, o después con una plantilla.</translation>
        </message>
        <message>
            <source>There is no quick reply %1. Press Enter again to send it to the customer as it is.</source>
            <translation>No hay ninguna respuesta rápida %1. Pulsa Intro otra vez para enviarlo al cliente tal cual.</translation>
        </message>
        <message>
            <source>%1 of %2 characters</source>
            <translation>%1 de %2 caracteres</translation>
        </message>
        <message numerus="yes">
            <source>%1 characters: WhatsApp takes at most %2 in one message. Shorten it, or send it as %n messages, cut between paragraphs or sentences.</source>
            <translation>
                <numerusform>%1 caracteres: WhatsApp admite como mucho %2 en un mensaje. Acórtalo, o envíalo como %n mensaje, cortado entre párrafos o frases.</numerusform>
                <numerusform>%1 caracteres: WhatsApp admite como mucho %2 en un mensaje. Acórtalo, o envíalo como %n mensajes, cortados entre párrafos o frases.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Send as %n messages</source>
            <translation>
                <numerusform>Enviar como %n mensaje</numerusform>
                <numerusform>Enviar como %n mensajes</numerusform>
            </translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Productos</translation>
        </message>
        <message>
            <source>Products: send some from the catalog (or type # and a word, then Enter)</source>
            <translation>Productos: envía algunos del catálogo (o escribe # y una palabra, y pulsa Intro)</translation>
        </message>
        <message numerus="yes">
            <source>%n messages · ~%1</source>
            <translation>
                <numerusform>%n mensaje · ~%1</numerusform>
                <numerusform>%n mensajes · ~%1</numerusform>
            </translation>
        </message>
        <message>
            <source>Billed: ~%1</source>
            <translation>Se cobra: ~%1</translation>
        </message>
        <message>
            <source>Since %1 Meta bills every reply, even inside the 24-hour window: about %2 each to this customer's country, by Meta's rate card. Your WhatsApp Manager shows what you are really billed.</source>
            <translation>Desde el %1 Meta cobra cada respuesta, también dentro de la ventana de 24 horas: unos %2 cada una al país de este cliente, según las tarifas de Meta. Tu WhatsApp Manager muestra lo que se te factura de verdad.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ConnectionController</name>
        <message>
            <source>Port %1 is in use by another program, so messages cannot arrive here. Close it, or choose another port in Shop ▸ Connection ▸ Set up again.</source>
            <translation>Otro programa usa el puerto %1, así que los mensajes no pueden llegar aquí. Ciérralo, o elige otro puerto en Tienda ▸ Conexión ▸ Configurar de nuevo.</translation>
        </message>
        <message>
            <source>Connected: receiving messages on port %1.</source>
            <translation>Conectado: recibiendo mensajes en el puerto %1.</translation>
        </message>
        <message>
            <source>Connected: mostrador-server receives the messages.</source>
            <translation>Conectado: mostrador-server recibe los mensajes.</translation>
        </message>
        <message>
            <source>Disconnect</source>
            <translation>Desconectar</translation>
        </message>
        <message>
            <source>Forget this number's access token and stop receiving messages here? The history stays.</source>
            <translation>¿Olvidar el token de acceso de este número y dejar de recibir mensajes aquí? El historial se queda.</translation>
        </message>
        <message>
            <source>Could not read the access token: %1 (Shop ▸ Connection to WhatsApp to fix it.)</source>
            <translation>No se pudo leer el token de acceso: %1 (Tienda ▸ Conexión con WhatsApp para arreglarlo.)</translation>
        </message>
        <message>
            <source>Not connected to WhatsApp yet (Shop ▸ Connection to WhatsApp).</source>
            <translation>Todavía no está conectado a WhatsApp (Tienda ▸ Conexión con WhatsApp).</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ConnectionDialog</name>
        <message>
            <source>Connection</source>
            <translation>Conexión</translation>
        </message>
        <message>
            <source>Asking Meta…</source>
            <translation>Preguntando a Meta…</translation>
        </message>
        <message>
            <source>mostrador-server receives them (this computer shows what it stores when both use the same database).</source>
            <translation>Los recibe mostrador-server (este ordenador muestra lo que guarda si ambos usan la misma base de datos).</translation>
        </message>
        <message>
            <source>This computer should receive them on port %1, but the receiver is not running (is the port in use?).</source>
            <translation>Este ordenador debería recibirlos en el puerto %1, pero el receptor no está funcionando (¿está el puerto ocupado?).</translation>
        </message>
        <message>
            <source>This computer, port %1. Last message or status from Meta: %2.</source>
            <translation>Este ordenador, puerto %1. Último mensaje o estado de Meta: %2.</translation>
        </message>
        <message>
            <source>none since Mostrador started</source>
            <translation>ninguno desde que se abrió Mostrador</translation>
        </message>
        <message>
            <source>In this computer's keychain.</source>
            <translation>En el llavero de este ordenador.</translation>
        </message>
        <message>
            <source>In a file only your user can read (chosen because the keychain was not available).</source>
            <translation>En un archivo que solo tu usuario puede leer (elegido porque el llavero no estaba disponible).</translation>
        </message>
        <message>
            <source>Number:</source>
            <translation>Número:</translation>
        </message>
        <message>
            <source>phone number ID %1 · WhatsApp Business Account %2</source>
            <translation>identificador del número %1 · cuenta de WhatsApp Business %2</translation>
        </message>
        <message>
            <source>Meta's API:</source>
            <translation>API de Meta:</translation>
        </message>
        <message>
            <source>Messages arrive at:</source>
            <translation>Los mensajes llegan a:</translation>
        </message>
        <message>
            <source>Access token and app secret:</source>
            <translation>Token de acceso y clave secreta:</translation>
        </message>
        <message>
            <source>Token expiry:</source>
            <translation>Caducidad del token:</translation>
        </message>
        <message>
            <source>Permanent system-user tokens do not expire by date; if Meta stops accepting the token, Mostrador says so at once and stops sending.</source>
            <translation>Los tokens permanentes de un usuario del sistema no caducan por fecha; si Meta deja de aceptar el token, Mostrador lo dice enseguida y deja de enviar.</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Comprobar de nuevo</translation>
        </message>
        <message>
            <source>Set up again…</source>
            <translation>Configurar de nuevo…</translation>
        </message>
        <message>
            <source>Disconnect</source>
            <translation>Desconectar</translation>
        </message>
        <message>
            <source>✓ Answers (checked at %1): %2, %3, quality %4.</source>
            <translation>✓ Responde (comprobado a las %1): %2, %3, calidad %4.</translation>
        </message>
        <message>
            <source>Not asked. If this number is also in the WhatsApp Business app, Meta can bring its contacts and up to 180 days of its chats, once.</source>
            <translation>No pedido. Si este número también está en la app WhatsApp Business, Meta puede traer sus contactos y hasta 180 días de sus chats, una sola vez.</translation>
        </message>
        <message>
            <source>Bring history and contacts…</source>
            <translation>Traer historial y contactos…</translation>
        </message>
        <message>
            <source>WhatsApp Business app:</source>
            <translation>App WhatsApp Business:</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ConversationDelegate</name>
        <message>
            <source>↩ auto</source>
            <translation>↩ auto</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CredentialsPage</name>
        <message>
            <source>Your number's details from Meta</source>
            <translation>Los datos de tu número en Meta</translation>
        </message>
        <message>
            <source>Open developers.facebook.com ▸ My apps ▸ your app ▸ WhatsApp ▸ API Setup. Copy each value below, then press Check with Meta.</source>
            <translation>Abre developers.facebook.com ▸ Mis apps ▸ tu app ▸ WhatsApp ▸ Configuración de la API. Copia cada dato abajo y pulsa Comprobar con Meta.</translation>
        </message>
        <message>
            <source>Check with Meta</source>
            <translation>Comprobar con Meta</translation>
        </message>
        <message>
            <source>Phone number ID:</source>
            <translation>Identificador del número:</translation>
        </message>
        <message>
            <source>In API Setup, under the number you send from (a long number, not the phone number).</source>
            <translation>En Configuración de la API, bajo el número desde el que envías (un número largo, no el teléfono).</translation>
        </message>
        <message>
            <source>WhatsApp Business Account ID:</source>
            <translation>Identificador de la cuenta de WhatsApp Business:</translation>
        </message>
        <message>
            <source>In API Setup, just below the phone number ID.</source>
            <translation>En Configuración de la API, justo debajo del identificador del número.</translation>
        </message>
        <message>
            <source>Permanent access token:</source>
            <translation>Token de acceso permanente:</translation>
        </message>
        <message>
            <source>Business settings ▸ Users ▸ System users ▸ your system user ▸ Generate token, with whatsapp_business_messaging and whatsapp_business_management. The temporary token of API Setup stops working after 24 hours.</source>
            <translation>Configuración del negocio ▸ Usuarios ▸ Usuarios del sistema ▸ tu usuario del sistema ▸ Generar token, con whatsapp_business_messaging y whatsapp_business_management. El token temporal de Configuración de la API deja de funcionar a las 24 horas.</translation>
        </message>
        <message>
            <source>App secret:</source>
            <translation>Clave secreta de la app:</translation>
        </message>
        <message>
            <source>App settings ▸ Basic ▸ App secret (press Show). Mostrador uses it to check that messages really come from Meta.</source>
            <translation>Configuración de la app ▸ Información básica ▸ Clave secreta de la app (pulsa Mostrar). Mostrador la usa para comprobar que los mensajes vienen de verdad de Meta.</translation>
        </message>
        <message>
            <source>App ID (optional):</source>
            <translation>Identificador de la app (opcional):</translation>
        </message>
        <message>
            <source>At the top of App settings ▸ Basic. Only needed to change the profile photo.</source>
            <translation>Arriba en Configuración de la app ▸ Información básica. Solo hace falta para cambiar la foto del perfil.</translation>
        </message>
        <message>
            <source>Asking Meta…</source>
            <translation>Preguntando a Meta…</translation>
        </message>
        <message>
            <source>not rated yet</source>
            <translation>sin valorar aún</translation>
        </message>
        <message numerus="yes">
            <source>✓ Connected to %1 (%2), quality %3. Approved templates: %n.</source>
            <translation>
                <numerusform>✓ Conectado a %1 (%2), calidad %3. Plantillas aprobadas: %n.</numerusform>
                <numerusform>✓ Conectado a %1 (%2), calidad %3. Plantillas aprobadas: %n.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CustomerBlocking</name>
        <message>
            <source>Blocking goes through WhatsApp: connect the number first (Shop ▸ Connection).</source>
            <translation>El bloqueo pasa por WhatsApp: primero conecta el número (Tienda ▸ Conexión).</translation>
        </message>
        <message>
            <source>WhatsApp lets a business block only someone who wrote in the last 24 hours, and %1 has not. You can block them the next time they write.</source>
            <translation>WhatsApp solo deja bloquear a quien escribió en las últimas 24 horas, y %1 no lo ha hecho. Podrás bloquearle la próxima vez que escriba.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CustomerExport</name>
        <message>
            <source>The file %1 could not be written: %2</source>
            <translation>No se pudo escribir el archivo %1: %2</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CustomerOrders</name>
        <message>
            <source>%1 · %2
%3 · %4</source>
            <translation>%1 · %2
%3 · %4</translation>
        </message>
        <message>
            <source>No orders yet.</source>
            <translation>Aún no hay pedidos.</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s), none paid yet.</source>
            <translation>
                <numerusform>%n pedido, sin pagar aún.</numerusform>
                <numerusform>%n pedidos, ninguno pagado aún.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) · spent %1</source>
            <translation>
                <numerusform>%n pedido · ha gastado %1</numerusform>
                <numerusform>%n pedidos · ha gastado %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Pedidos</translation>
        </message>
        <message>
            <source>New order…</source>
            <translation>Nuevo pedido…</translation>
        </message>
        <message>
            <source>Write down an order this customer made in the chat</source>
            <translation>Anota un pedido que este cliente hizo en el chat</translation>
        </message>
        <message>
            <source>Click to see it in the conversation; right-click to change its stage</source>
            <translation>Haz clic para verlo en la conversación; clic derecho para cambiar su etapa</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CustomerPane</name>
        <message>
            <source>WhatsApp name: %1</source>
            <translation>Nombre en WhatsApp: %1</translation>
        </message>
        <message>
            <source>First wrote on %1</source>
            <translation>Escribió por primera vez el %1</translation>
        </message>
        <message>
            <source>Came from the ad “%1”</source>
            <translation>Llegó por el anuncio «%1»</translation>
        </message>
        <message numerus="yes">
            <source>%n conversation(s) with the shop</source>
            <translation>
                <numerusform>%n conversación con la tienda</numerusform>
                <numerusform>%n conversaciones con la tienda</numerusform>
            </translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>&amp;Name in this shop</source>
            <translation>&amp;Nombre en esta tienda</translation>
        </message>
        <message>
            <source>N&amp;otes (address, sizes, orders…)</source>
            <translation>N&amp;otas (dirección, tallas, pedidos…)</translation>
        </message>
        <message>
            <source>Only the shop sees these notes. They are saved as you type.</source>
            <translation>Solo la tienda ve estas notas. Se guardan mientras escribes.</translation>
        </message>
        <message>
            <source>Customer name</source>
            <translation>Nombre del cliente</translation>
        </message>
        <message>
            <source>Notes about the customer</source>
            <translation>Notas sobre el cliente</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>Etiquetas</translation>
        </message>
        <message>
            <source>Rename label</source>
            <translation>Renombrar etiqueta</translation>
        </message>
        <message>
            <source>New name:</source>
            <translation>Nombre nuevo:</translation>
        </message>
        <message>
            <source>Number: %1</source>
            <translation>Número: %1</translation>
        </message>
        <message>
            <source>No phone number: WhatsApp shares only their user name and id.</source>
            <translation>Sin número de teléfono: WhatsApp solo comparte su nombre de usuario y su identificador.</translation>
        </message>
        <message>
            <source>WhatsApp user name: @%1</source>
            <translation>Usuario de WhatsApp: @%1</translation>
        </message>
        <message>
            <source>WhatsApp user id: %1</source>
            <translation>Identificador de WhatsApp: %1</translation>
        </message>
        <message>
            <source>Blocked: they cannot write to the shop and the shop cannot write to them.</source>
            <translation>Bloqueado: no puede escribir a la tienda y la tienda no puede escribirle.</translation>
        </message>
        <message>
            <source>Unblock</source>
            <translation>Desbloquear</translation>
        </message>
        <message>
            <source>Block…</source>
            <translation>Bloquear…</translation>
        </message>
        <message>
            <source>Lets this customer write to the shop again</source>
            <translation>Permite que este cliente vuelva a escribir a la tienda</translation>
        </message>
        <message>
            <source>Stops this customer from writing to the shop. WhatsApp allows it only for someone who wrote in the last 24 hours.</source>
            <translation>Impide que este cliente escriba a la tienda. WhatsApp solo lo permite con quien escribió en las últimas 24 horas.</translation>
        </message>
        <message>
            <source>Their data</source>
            <translation>Sus datos</translation>
        </message>
        <message>
            <source>What the customer may ask of the shop under data protection law</source>
            <translation>Lo que el cliente puede pedir a la tienda según la ley de protección de datos</translation>
        </message>
        <message>
            <source>Give them a copy of their data…</source>
            <translation>Darle una copia de sus datos…</translation>
        </message>
        <message>
            <source>Forget this customer…</source>
            <translation>Olvidar a este cliente…</translation>
        </message>
        <message>
            <source>Asked for no promotions (“%1”): no campaign or promotion goes to them.</source>
            <translation>Pidió no recibir promociones («%1»): no le llega ninguna campaña ni promoción.</translation>
        </message>
        <message>
            <source>Gets promotions (campaigns)</source>
            <translation>Recibe promociones (campañas)</translation>
        </message>
        <message>
            <source>Untick it for a customer who does not want offers: no campaign goes to them. They can still write, and be answered.</source>
            <translation>Desmárcalo para quien no quiere ofertas: ninguna campaña le llegará. Puede seguir escribiendo, y se le responde.</translation>
        </message>
        <message>
            <source>They asked for no promotions themselves; only they can change that, by writing ALTA or START.</source>
            <translation>El cliente pidió no recibir promociones; solo él puede cambiarlo, escribiendo ALTA o START.</translation>
        </message>
        <message>
            <source>This customer</source>
            <translation>Este cliente</translation>
        </message>
        <message>
            <source>The shop marked %1 as not getting promotions.</source>
            <translation>La tienda marcó a %1 para no recibir promociones.</translation>
        </message>
        <message>
            <source>The shop marked %1 as not getting promotions on %2.</source>
            <translation>La tienda marcó a %1 para no recibir promociones el %2.</translation>
        </message>
        <message>
            <source>%1 asked for no promotions (“%2”).</source>
            <translation>%1 pidió no recibir promociones («%2»).</translation>
        </message>
        <message>
            <source>%1 asked for no promotions (“%2”, %3).</source>
            <translation>%1 pidió no recibir promociones («%2», %3).</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CustomerPrivacy</name>
        <message>
            <source>%1 - data.zip</source>
            <translation>%1 - datos.zip</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>Save %1's data</source>
            <translation>Guardar los datos de %1</translation>
        </message>
        <message>
            <source>ZIP files (*.zip)</source>
            <translation>Archivos ZIP (*.zip)</translation>
        </message>
        <message>
            <source>Data saved</source>
            <translation>Datos guardados</translation>
        </message>
        <message numerus="yes">
            <source>%1 holds everything the shop keeps about %2: %n message(s) and their files. Send it to them by a private channel.</source>
            <translation>
                <numerusform>%1 contiene todo lo que la tienda guarda de %2: %n mensaje y sus archivos. Envíaselo por un canal privado.</numerusform>
                <numerusform>%1 contiene todo lo que la tienda guarda de %2: %n mensajes y sus archivos. Envíaselo por un canal privado.</numerusform>
            </translation>
        </message>
        <message>
            <source>Forget %1?</source>
            <translation>¿Olvidar a %1?</translation>
        </message>
        <message>
            <source>Every message, file, note and label of %1 is removed from this computer's store, and they no longer appear in the inbox or in search. This cannot be undone.

Backups made before now still hold them until they are replaced by newer ones (the newest seven are kept). If they write again, they start as a new customer.</source>
            <translation>Se borran de la base de datos de este ordenador todos los mensajes, archivos, notas y etiquetas de %1, y deja de aparecer en la bandeja y en las búsquedas. No se puede deshacer.

Las copias de seguridad anteriores aún lo guardan hasta que se sustituyen por otras más nuevas (se conservan las siete más recientes). Si vuelve a escribir, empieza como cliente nuevo.</translation>
        </message>
        <message numerus="yes">
            <source>%n conversation(s) untouched for longer than the shop keeps them will be removed by %1. Export what you need to keep before then.</source>
            <translation>
                <numerusform>%n conversación sin actividad durante más tiempo del que la tienda las guarda se borrará antes del %1. Exporta lo que necesites conservar antes de esa fecha.</numerusform>
                <numerusform>%n conversaciones sin actividad durante más tiempo del que la tienda las guarda se borrarán antes del %1. Exporta lo que necesites conservar antes de esa fecha.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::DemoSession</name>
        <message>
            <source>The demo could not create its temporary folder: %1</source>
            <translation>La demostración no pudo crear su carpeta temporal: %1</translation>
        </message>
        <message>
            <source>The demo could not open its local ports on 127.0.0.1.</source>
            <translation>La demostración no pudo abrir sus puertos locales en 127.0.0.1.</translation>
        </message>
        <message>
            <source>Winter blankets</source>
            <translation>Mantas de invierno</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::DesktopApplication</name>
        <message>
            <source>Could not save the screenshot to %1. Check that the folder exists and that you may write to it.</source>
            <translation>No se pudo guardar la captura en %1. Comprueba que la carpeta existe y que puedes escribir en ella.</translation>
        </message>
        <message>
            <source>Demo on 127.0.0.1:%1: simulated customers, nothing reaches real ones.</source>
            <translation>Demo en 127.0.0.1:%1: clientes simulados, nada llega a clientes reales.</translation>
        </message>
        <message>
            <source>Not connected to WhatsApp yet.</source>
            <translation>Todavía no está conectado a WhatsApp.</translation>
        </message>
        <message>
            <source>Team mode needs your name to start.</source>
            <translation>El modo equipo necesita tu nombre para empezar.</translation>
        </message>
        <message>
            <source>Team mode as %1 on %2: mostrador-server receives and sends; changes from the others appear as they happen.</source>
            <translation>Modo equipo como %1 en %2: mostrador-server recibe y envía; los cambios de los demás aparecen al momento.</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Conexión</translation>
        </message>
        <message>
            <source>In team mode mostrador-server holds the number's connection: it receives Meta's webhooks and sends for every desktop. Its settings are in /etc/mostrador/mostrador.env on the machine that runs it (see the guide). This desktop connects only to the shared store: %1.</source>
            <translation>En modo equipo, mostrador-server tiene la conexión del número: recibe los webhooks de Meta y envía por todos los escritorios. Sus ajustes están en /etc/mostrador/mostrador.env del equipo que lo ejecuta (mira la guía). Este escritorio solo se conecta a la base de datos compartida: %1.</translation>
        </message>
        <message numerus="yes">
            <source>Lost the connection to the team's store on %1; reconnecting every few seconds. %n message(s) you sent wait on this computer and go as soon as it is back.</source>
            <translation>
                <numerusform>Se perdió la conexión con la base de datos del equipo en %1; reconectando cada pocos segundos. %n mensaje que enviaste espera en este ordenador y sale en cuanto vuelva.</numerusform>
                <numerusform>Se perdió la conexión con la base de datos del equipo en %1; reconectando cada pocos segundos. %n mensajes que enviaste esperan en este ordenador y salen en cuanto vuelva.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::DesktopNotifier</name>
        <message>
            <source>More customers wrote</source>
            <translation>Escribieron más clientes</translation>
        </message>
        <message>
            <source>Open Mostrador</source>
            <translation>Abrir Mostrador</translation>
        </message>
        <message>
            <source>Open the conversation</source>
            <translation>Abrir la conversación</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::FinishPage</name>
        <message>
            <source>Ready</source>
            <translation>Listo</translation>
        </message>
        <message>
            <source>Press Finish to keep the access token and app secret in this computer's keychain and start answering.</source>
            <translation>Pulsa Finalizar para guardar el token de acceso y la clave secreta en el llavero de este ordenador y empezar a responder.</translation>
        </message>
        <message>
            <source>Number: phone number ID %1, WhatsApp Business Account %2.
Messages arrive at: %3.
The access token and app secret go to the keychain; they are never written in settings, logs or exports.</source>
            <translation>Número: identificador %1, cuenta de WhatsApp Business %2.
Los mensajes llegan a: %3.
El token de acceso y la clave secreta van al llavero; nunca se escriben en ajustes, registros ni exportaciones.</translation>
        </message>
        <message>
            <source>this computer, port %1</source>
            <translation>este ordenador, puerto %1</translation>
        </message>
        <message>
            <source>mostrador-server</source>
            <translation>mostrador-server</translation>
        </message>
        <message>
            <source>The keychain could not keep them: %1</source>
            <translation>El llavero no pudo guardarlos: %1</translation>
        </message>
        <message>
            <source>Keep them instead in a file only my user can read (%1). Less safe: anyone who uses this account or copies the file can send messages as the shop.</source>
            <translation>Guardarlos en cambio en un archivo que solo mi usuario puede leer (%1). Menos seguro: quien use esta cuenta o copie el archivo podrá enviar mensajes como la tienda.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::FirstRunDialog</name>
        <message>
            <source>Welcome to Mostrador</source>
            <translation>Bienvenido a Mostrador</translation>
        </message>
        <message>
            <source>Your shop's WhatsApp, on this computer</source>
            <translation>El WhatsApp de tu tienda, en este ordenador</translation>
        </message>
        <message>
            <source>How do you want to start? You can connect your number later from the Shop menu.</source>
            <translation>¿Cómo quieres empezar? Puedes conectar tu número más tarde desde el menú Tienda.</translation>
        </message>
        <message>
            <source>Try the demo</source>
            <translation>Probar la demostración</translation>
        </message>
        <message>
            <source>Pretend customers write in; nothing reaches anyone. No Meta account needed.</source>
            <translation>Escriben clientes de mentira; nada llega a nadie. No hace falta cuenta de Meta.</translation>
        </message>
        <message>
            <source>Connect my number</source>
            <translation>Conectar mi número</translation>
        </message>
        <message>
            <source>Step by step, with where to find each value in Meta's dashboard. About 15 minutes.</source>
            <translation>Paso a paso, con dónde encontrar cada dato en el panel de Meta. Unos 15 minutos.</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Más tarde</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::HeatMapWidget</name>
        <message>
            <source>Underlined: open.</source>
            <translation>Subrayado: abierto.</translation>
        </message>
        <message numerus="yes">
            <source>%1, %2:00–%3:00: %n customer message(s)</source>
            <translation>
                <numerusform>%1, %2:00–%3:00: %n mensaje de clientes</numerusform>
                <numerusform>%1, %2:00–%3:00: %n mensajes de clientes</numerusform>
            </translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abierto</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Cerrado</translation>
        </message>
        <message>
            <source>Stronger colour: more customer messages in that hour (most: %1).</source>
            <translation>Color más intenso: más mensajes de clientes en esa hora (máximo: %1).</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ImportChatsDialog</name>
        <message>
            <source>%1 of %2 messages</source>
            <translation>%1 de %2 mensajes</translation>
        </message>
        <message>
            <source>Cancel import</source>
            <translation>Cancelar la importación</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Import chats from the phone</source>
            <translation>Importar chats del teléfono</translation>
        </message>
        <message>
            <source>Add chats…</source>
            <translation>Añadir chats…</translation>
        </message>
        <message>
            <source>The &amp;shop in these chats is:</source>
            <translation>La &amp;tienda en estos chats es:</translation>
        </message>
        <message>
            <source>Customer's &amp;number (one chat):</source>
            <translation>&amp;Número del cliente (un chat):</translation>
        </message>
        <message>
            <source>Optional, e.g. +57 300 111 2233</source>
            <translation>Opcional, p. ej. +57 300 111 2233</translation>
        </message>
        <message>
            <source>On the phone: open the chat ▸ More ▸ Export chat, with or without media, and save the .txt or .zip here (or drop the files on Mostrador's window). Imported messages keep their dates, are searchable, and never send automatic replies. Importing a chat again adds only what is new.</source>
            <translation>En el teléfono: abre el chat ▸ Más ▸ Exportar chat, con o sin archivos, y guarda aquí el .txt o el .zip (o suelta los archivos en la ventana de Mostrador). Los mensajes importados conservan sus fechas, se pueden buscar y nunca envían respuestas automáticas. Importar un chat otra vez solo añade lo nuevo.</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importar</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>Undo import</source>
            <translation>Deshacer la importación</translation>
        </message>
        <message>
            <source>Takes out what this import added, so the chats can be imported again (with another shop name, say).</source>
            <translation>Quita lo que añadió esta importación, para poder importar los chats de nuevo (con otro nombre de tienda, por ejemplo).</translation>
        </message>
        <message>
            <source>Select a chat to see its dates.</source>
            <translation>Elige un chat para ver sus fechas.</translation>
        </message>
        <message>
            <source>Every date in this chat could be day/month or month/day: if these are wrong, swap them.</source>
            <translation>Todas las fechas de este chat pueden ser día/mes o mes/día: si estas están mal, cámbialas.</translation>
        </message>
        <message>
            <source>Read as before</source>
            <translation>Leer como antes</translation>
        </message>
        <message>
            <source>Swap day and month</source>
            <translation>Cambiar día y mes</translation>
        </message>
        <message>
            <source>Dates as read: %1, from %2 to %3.</source>
            <translation>Fechas leídas: %1, de %2 a %3.</translation>
        </message>
        <message>
            <source>Dates as read: from %1, %2 to %3, %4.</source>
            <translation>Fechas leídas: del %1, %2, al %3, %4.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::InboxPane</name>
        <message>
            <source>Conversations</source>
            <translation>Conversaciones</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abiertas</translation>
        </message>
        <message>
            <source>Waiting for us</source>
            <translation>Esperando respuesta</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Resueltas</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Todas</translation>
        </message>
        <message>
            <source>Which conversations to show</source>
            <translation>Qué conversaciones mostrar</translation>
        </message>
        <message>
            <source>Search messages and customers (Ctrl+K)</source>
            <translation>Buscar en mensajes y clientes (Ctrl+K)</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Buscar</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Resultados de la búsqueda</translation>
        </message>
        <message>
            <source>Nothing found. Try fewer or shorter words; accents and capitals do not matter.</source>
            <translation>No se encontró nada. Prueba con menos palabras o más cortas; las tildes y las mayúsculas no importan.</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Any label</source>
            <translation>Cualquier etiqueta</translation>
        </message>
        <message>
            <source>Show conversations with this label</source>
            <translation>Mostrar las conversaciones con esta etiqueta</translation>
        </message>
        <message>
            <source>Nothing here yet</source>
            <translation>Todavía no hay nada</translation>
        </message>
        <message>
            <source>Your customers' chats will appear here as soon as they write.</source>
            <translation>Los chats de tus clientes aparecerán aquí en cuanto escriban.</translation>
        </message>
        <message>
            <source>Closing soon</source>
            <translation>Cierran pronto</translation>
        </message>
        <message>
            <source>Mark open</source>
            <translation>Marcar como abierta</translation>
        </message>
        <message>
            <source>Mark pending</source>
            <translation>Marcar como pendiente</translation>
        </message>
        <message>
            <source>Mark resolved</source>
            <translation>Marcar como resuelta</translation>
        </message>
        <message>
            <source>Latest first</source>
            <translation>Más recientes</translation>
        </message>
        <message>
            <source>Least time left</source>
            <translation>Menos tiempo restante</translation>
        </message>
        <message>
            <source>Order of the conversations</source>
            <translation>Orden de las conversaciones</translation>
        </message>
        <message>
            <source>Least time left: open 24-hour windows, the one closing first at the top</source>
            <translation>Menos tiempo restante: ventanas de 24 horas abiertas, arriba la que cierra antes</translation>
        </message>
        <message>
            <source>Everyone's</source>
            <translation>De todos</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>Mías</translation>
        </message>
        <message>
            <source>Unassigned</source>
            <translation>Sin asignar</translation>
        </message>
        <message>
            <source>Whose conversations to show</source>
            <translation>De quién son las conversaciones que se muestran</translation>
        </message>
        <message>
            <source>Connect your WhatsApp number and your customers' chats will appear here as soon as they write.</source>
            <translation>Conecta tu número de WhatsApp y los chats de tus clientes aparecerán aquí en cuanto escriban.</translation>
        </message>
        <message>
            <source>Connect my number…</source>
            <translation>Conectar mi número…</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::MainWindow</name>
        <message>
            <source>Conversations</source>
            <translation>Conversaciones</translation>
        </message>
        <message>
            <source>Your customers' chats will appear here as soon as they write.</source>
            <translation>Los chats de tus clientes aparecerán aquí en cuanto escriban.</translation>
        </message>
        <message>
            <source>No conversation selected</source>
            <translation>Ninguna conversación seleccionada</translation>
        </message>
        <message>
            <source>Choose a conversation on the left to read it and reply.</source>
            <translation>Elige una conversación a la izquierda para leerla y responder.</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>Who you are talking to, their labels and your notes about them.</source>
            <translation>Con quién hablas, sus etiquetas y tus notas sobre él o ella.</translation>
        </message>
        <message>
            <source>Mostrador</source>
            <translation>Mostrador</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Idioma del sistema</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <source>&amp;About Mostrador</source>
            <translation>&amp;Acerca de Mostrador</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Acerca de &amp;Qt</translation>
        </message>
        <message>
            <source>Not connected to WhatsApp yet.</source>
            <translation>Todavía no está conectado a WhatsApp.</translation>
        </message>
        <message numerus="yes">
            <source>Mostrador (%n unread)</source>
            <translation>
                <numerusform>Mostrador (%n sin leer)</numerusform>
                <numerusform>Mostrador (%n sin leer)</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Notify me of new messages</source>
            <translation>&amp;Avisarme de mensajes nuevos</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Atajos de teclado</translation>
        </message>
        <message>
            <source>&amp;Appearance</source>
            <translation>&amp;Apariencia</translation>
        </message>
        <message>
            <source>Like the system</source>
            <translation>Como el sistema</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Clara</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Oscura</translation>
        </message>
        <message>
            <source>&amp;Shop</source>
            <translation>&amp;Tienda</translation>
        </message>
        <message>
            <source>Opening &amp;hours and automatic replies…</source>
            <translation>&amp;Horario y respuestas automáticas…</translation>
        </message>
        <message>
            <source>&amp;Quick replies…</source>
            <translation>Respuestas &amp;rápidas…</translation>
        </message>
        <message>
            <source>Business &amp;profile…</source>
            <translation>&amp;Perfil de empresa…</translation>
        </message>
        <message>
            <source>&amp;Connection to WhatsApp…</source>
            <translation>&amp;Conexión con WhatsApp…</translation>
        </message>
        <message>
            <source>Only the owner (%1) can change this.</source>
            <translation>Solo la persona propietaria (%1) puede cambiar esto.</translation>
        </message>
        <message>
            <source>&amp;New conversation…</source>
            <translation>&amp;Nueva conversación…</translation>
        </message>
        <message>
            <source>P&amp;rivacy…</source>
            <translation>P&amp;rivacidad…</translation>
        </message>
        <message>
            <source>&amp;Team…</source>
            <translation>&amp;Equipo…</translation>
        </message>
        <message>
            <source>&amp;Reports…</source>
            <translation>&amp;Informes…</translation>
        </message>
        <message>
            <source>&amp;Customer details</source>
            <translation>Datos del &amp;cliente</translation>
        </message>
        <message>
            <source>Show or fold away the customer's details beside the conversation (Ctrl+I)</source>
            <translation>Muestra u oculta los datos del cliente junto a la conversación (Ctrl+I)</translation>
        </message>
        <message>
            <source>&amp;Import chats from the phone…</source>
            <translation>&amp;Importar chats del teléfono…</translation>
        </message>
        <message>
            <source>Import &amp;contacts…</source>
            <translation>Importar &amp;contactos…</translation>
        </message>
        <message>
            <source>E&amp;xport contacts…</source>
            <translation>E&amp;xportar contactos…</translation>
        </message>
        <message>
            <source>&amp;Templates…</source>
            <translation>&amp;Plantillas…</translation>
        </message>
        <message>
            <source>&amp;Campaigns…</source>
            <translation>&amp;Campañas…</translation>
        </message>
        <message>
            <source>&amp;Orders…</source>
            <translation>&amp;Pedidos…</translation>
        </message>
        <message>
            <source>Ca&amp;talog…</source>
            <translation>Ca&amp;tálogo…</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::MessageDelegate</name>
        <message>
            <source>This message was deleted by the customer.</source>
            <translation>El cliente eliminó este mensaje.</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Foto</translation>
        </message>
        <message>
            <source>Photo: %1</source>
            <translation>Foto: %1</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Vídeo</translation>
        </message>
        <message>
            <source>Video: %1</source>
            <translation>Vídeo: %1</translation>
        </message>
        <message>
            <source>Voice or audio message</source>
            <translation>Mensaje de voz o audio</translation>
        </message>
        <message>
            <source>Document: %1</source>
            <translation>Documento: %1</translation>
        </message>
        <message>
            <source>Sticker</source>
            <translation>Sticker</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Ubicación</translation>
        </message>
        <message>
            <source>Location: %1</source>
            <translation>Ubicación: %1</translation>
        </message>
        <message>
            <source>Contact: %1</source>
            <translation>Contacto: %1</translation>
        </message>
        <message>
            <source>Removed a reaction</source>
            <translation>Quitó una reacción</translation>
        </message>
        <message>
            <source>Reacted %1</source>
            <translation>Reaccionó %1</translation>
        </message>
        <message>
            <source>Order from the catalogue</source>
            <translation>Pedido desde el catálogo</translation>
        </message>
        <message>
            <source>Order: %1</source>
            <translation>Pedido: %1</translation>
        </message>
        <message>
            <source>This kind of message cannot be shown here yet. It is kept; the customer can see it in WhatsApp.</source>
            <translation>Este tipo de mensaje todavía no se puede mostrar aquí. Está guardado; el cliente lo ve en WhatsApp.</translation>
        </message>
        <message>
            <source>Not confirmed: Mostrador stopped while sending. Check with the customer, then send again or discard.</source>
            <translation>Sin confirmar: Mostrador se detuvo mientras lo enviaba. Compruébalo con el cliente y vuelve a enviarlo o descártalo.</translation>
        </message>
        <message>
            <source>automatic · %1</source>
            <translation>automático · %1</translation>
        </message>
        <message>
            <source>edited · %1</source>
            <translation>editado · %1</translation>
        </message>
        <message>
            <source>Not sent: discarded.</source>
            <translation>No enviado: descartado.</translation>
        </message>
        <message>
            <source>(Right-click for what to do.)</source>
            <translation>(Clic derecho para ver qué hacer.)</translation>
        </message>
        <message>
            <source>Open in a map ↗</source>
            <translation>Abrir en un mapa ↗</translation>
        </message>
        <message>
            <source>Forwarded many times</source>
            <translation>Reenviado muchas veces</translation>
        </message>
        <message>
            <source>Forwarded</source>
            <translation>Reenviado</translation>
        </message>
        <message>
            <source>Came from the ad “%1”</source>
            <translation>Llegó por el anuncio «%1»</translation>
        </message>
        <message>
            <source>↪ %1</source>
            <translation>↪ %1</translation>
        </message>
        <message>
            <source>Downloading…</source>
            <translation>Descargando…</translation>
        </message>
        <message>
            <source>Click to open</source>
            <translation>Clic para abrir</translation>
        </message>
        <message>
            <source>Downloading… %1 %</source>
            <translation>Descargando… %1 %</translation>
        </message>
        <message>
            <source>Click to open · %1</source>
            <translation>Clic para abrir · %1</translation>
        </message>
        <message>
            <source>Sends when the shop opens: %1.</source>
            <translation>Se envía cuando abra la tienda: %1.</translation>
        </message>
        <message>
            <source>Meta's AI agent · %1</source>
            <translation>agente de IA de Meta · %1</translation>
        </message>
        <message>
            <source>to Meta's AI agent · %1</source>
            <translation>al agente de IA de Meta · %1</translation>
        </message>
        <message>
            <source>Not included in the export</source>
            <translation>No incluido en la exportación</translation>
        </message>
        <message>
            <source>This message was deleted.</source>
            <translation>Este mensaje se eliminó.</translation>
        </message>
        <message>
            <source>imported · %1</source>
            <translation>importado · %1</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::MessagePayloads</name>
        <message>
            <source>A section of the list has no products.</source>
            <translation>Una sección de la lista no tiene productos.</translation>
        </message>
        <message>
            <source>A section's title is longer than 24 characters.</source>
            <translation>El título de una sección pasa de 24 caracteres.</translation>
        </message>
        <message>
            <source>With several sections, each needs a title.</source>
            <translation>Con varias secciones, cada una necesita un título.</translation>
        </message>
        <message>
            <source>Choose at least one product.</source>
            <translation>Elige al menos un producto.</translation>
        </message>
        <message>
            <source>WhatsApp shows at most %1 products in one message.</source>
            <translation>WhatsApp muestra como mucho %1 productos en un mensaje.</translation>
        </message>
        <message>
            <source>WhatsApp shows at most %1 sections.</source>
            <translation>WhatsApp muestra como mucho %1 secciones.</translation>
        </message>
        <message>
            <source>The list needs a title of at most 60 characters.</source>
            <translation>La lista necesita un título de 60 caracteres como mucho.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::MessageSender</name>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>No se puede leer %1: %2</translation>
        </message>
        <message>
            <source>%1 was not sent. %2</source>
            <translation>%1 no se envió. %2</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::MetaAgentBar</name>
        <message>
            <source>Meta's AI agent is answering this customer. Its replies and the customer's messages appear here; nothing is sent automatically. Write to take the conversation back.</source>
            <translation>El agente de IA de Meta está atendiendo a este cliente. Sus respuestas y los mensajes del cliente aparecen aquí; no se envía nada automáticamente. Escribe para recuperar la conversación.</translation>
        </message>
        <message>
            <source>Take over</source>
            <translation>Atender yo</translation>
        </message>
        <message>
            <source>Your next message takes the conversation back from Meta's AI agent</source>
            <translation>Tu próximo mensaje recupera la conversación del agente de IA de Meta</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::NewCampaignDialog</name>
        <message>
            <source>known by their WhatsApp id only</source>
            <translation>conocidos solo por su id de WhatsApp</translation>
        </message>
        <message>
            <source>New campaign</source>
            <translation>Nueva campaña</translation>
        </message>
        <message>
            <source>Campaign of %1</source>
            <translation>Campaña del %1</translation>
        </message>
        <message>
            <source>Customers with a label</source>
            <translation>Clientes con una etiqueta</translation>
        </message>
        <message>
            <source>Customers who wrote between two dates</source>
            <translation>Clientes que escribieron entre dos fechas</translation>
        </message>
        <message>
            <source>A list from a spreadsheet (CSV)</source>
            <translation>Una lista de una hoja de cálculo (CSV)</translation>
        </message>
        <message>
            <source>Customers found by a search</source>
            <translation>Clientes encontrados con una búsqueda</translation>
        </message>
        <message>
            <source>to</source>
            <translation>al</translation>
        </message>
        <message>
            <source>a CSV with a phone column</source>
            <translation>un CSV con una columna de teléfono</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Elegir…</translation>
        </message>
        <message>
            <source>a name, a word of their notes, part of a number</source>
            <translation>un nombre, una palabra de sus notas, parte de un número</translation>
        </message>
        <message>
            <source> a second</source>
            <translation> por segundo</translation>
        </message>
        <message>
            <source>Send at</source>
            <translation>Enviar el</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Plantilla</translation>
        </message>
        <message>
            <source>Values</source>
            <translation>Valores</translation>
        </message>
        <message>
            <source>Who gets it</source>
            <translation>Quién la recibe</translation>
        </message>
        <message>
            <source>Pace</source>
            <translation>Ritmo</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>Press Check to see who will get it and what it costs.</source>
            <translation>Pulsa Comprobar para ver quién la recibirá y cuánto cuesta.</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Comprobar</translation>
        </message>
        <message>
            <source>Rate card…</source>
            <translation>Tarifas…</translation>
        </message>
        <message>
            <source>The first customer gets:</source>
            <translation>El primer cliente recibe:</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Enviar</translation>
        </message>
        <message>
            <source>The list of customers</source>
            <translation>La lista de clientes</translation>
        </message>
        <message>
            <source>Spreadsheets (*.csv *.txt)</source>
            <translation>Hojas de cálculo (*.csv *.txt)</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Programar</translation>
        </message>
        <message>
            <source>The number has no approved template yet: write one in Shop ▸ Templates.</source>
            <translation>El número aún no tiene plantillas aprobadas: escribe una en Tienda ▸ Plantillas.</translation>
        </message>
        <message>
            <source>Reading the number's approved templates…</source>
            <translation>Leyendo las plantillas aprobadas del número…</translation>
        </message>
        <message>
            <source>Each customer's first name</source>
            <translation>El nombre de pila de cada cliente</translation>
        </message>
        <message>
            <source>Each customer's name</source>
            <translation>El nombre de cada cliente</translation>
        </message>
        <message>
            <source>The first line of their note</source>
            <translation>La primera línea de su nota</translation>
        </message>
        <message>
            <source>the same text for everyone</source>
            <translation>el mismo texto para todos</translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) will get it.</source>
            <translation>
                <numerusform>%n cliente la recibirá.</numerusform>
                <numerusform>%n clientes la recibirán.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>Left out: %1.</source>
            <translation>Quedaron fuera: %1.</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>línea %1: %2</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) of the list could not be read (%1).</source>
            <translation>
                <numerusform>No se pudo leer %n fila de la lista (%1).</numerusform>
                <numerusform>No se pudieron leer %n filas de la lista (%1).</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2 × %3</source>
            <translation>%1: %2 × %3</translation>
        </message>
        <message>
            <source>%1: %2, no price on the rate card</source>
            <translation>%1: %2, sin precio en las tarifas</translation>
        </message>
        <message>
            <source>Estimated cost: %1</source>
            <translation>Coste estimado: %1</translation>
        </message>
        <message>
            <source>From Meta's rates of %1 (%2). What Meta charges in the end is read from each message's status.</source>
            <translation>Con las tarifas de Meta del %1 (%2). Lo que Meta cobra al final se lee del estado de cada mensaje.</translation>
        </message>
        <message>
            <source>There is already a campaign called %1: choose another name.</source>
            <translation>Ya hay una campaña llamada %1: elige otro nombre.</translation>
        </message>
        <message>
            <source>The campaign was not saved: %1</source>
            <translation>La campaña no se guardó: %1</translation>
        </message>
        <message>
            <source>[first name]</source>
            <translation>[nombre de pila]</translation>
        </message>
        <message>
            <source>[name]</source>
            <translation>[nombre]</translation>
        </message>
        <message>
            <source>[note]</source>
            <translation>[nota]</translation>
        </message>
        <message>
            <source>What they bought last</source>
            <translation>Lo último que compró</translation>
        </message>
        <message>
            <source>[what they bought last]</source>
            <translation>[lo último que compró]</translation>
        </message>
        <message numerus="yes">
            <source>Schedule “%1” for %n customer(s) on %2?</source>
            <translation>
                <numerusform>¿Programar «%1» para %n cliente el %2?</numerusform>
                <numerusform>¿Programar «%1» para %n clientes el %2?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Send “%1” to %n customer(s) now?</source>
            <translation>
                <numerusform>¿Enviar «%1» a %n cliente ahora?</numerusform>
                <numerusform>¿Enviar «%1» a %n clientes ahora?</numerusform>
            </translation>
        </message>
        <message>
            <source>Estimated cost: %1. A message that has left cannot be called back; the campaign can be paused while it sends.</source>
            <translation>Coste estimado: %1. Un mensaje que ya salió no se puede recuperar; la campaña se puede pausar mientras se envía.</translation>
        </message>
        <message numerus="yes">
            <source>Send to %n</source>
            <translation>
                <numerusform>Enviar a %n</numerusform>
                <numerusform>Enviar a %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>Todavía no</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::NewConversationDialog</name>
        <message>
            <source>New conversation</source>
            <translation>Nueva conversación</translation>
        </message>
        <message>
            <source>Type the customer's number as you would write it, or part of the name of a customer who already wrote to the shop.</source>
            <translation>Escribe el número del cliente como lo escribirías tú, o parte del nombre de un cliente que ya escribió a la tienda.</translation>
        </message>
        <message>
            <source>+52 55 1234 5678, 300 111 2233 or Lucía</source>
            <translation>+52 55 1234 5678, 300 111 2233 o Lucía</translation>
        </message>
        <message>
            <source>WhatsApp lets a business write first only with an approved template: you choose it in the message box, with its text filled in.</source>
            <translation>WhatsApp solo deja que una empresa escriba primero con una plantilla aprobada: la eliges en el cuadro de mensaje, con su texto ya rellenado.</translation>
        </message>
        <message>
            <source>Open the conversation</source>
            <translation>Abrir la conversación</translation>
        </message>
        <message>
            <source>Write to %1.</source>
            <translation>Escribir a %1.</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>Write to %1 (%2).</source>
            <translation>Escribir a %1 (%2).</translation>
        </message>
        <message>
            <source>Numbers without a country code are read as numbers of %1.</source>
            <translation>Los números sin código de país se leen como números de %1.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::NewMessageAlerts</name>
        <message numerus="yes">
            <source>Mostrador: %n unread message(s)</source>
            <translation>
                <numerusform>Mostrador: %n mensaje sin leer</numerusform>
                <numerusform>Mostrador: %n mensajes sin leer</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new messages</source>
            <translation>
                <numerusform>%n mensaje nuevo</numerusform>
                <numerusform>%n mensajes nuevos</numerusform>
            </translation>
        </message>
        <message>
            <source>New message</source>
            <translation>Mensaje nuevo</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Foto</translation>
        </message>
        <message>
            <source>Voice or audio message</source>
            <translation>Mensaje de voz o audio</translation>
        </message>
        <message>
            <source>Sent a file</source>
            <translation>Envió un archivo</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::NewOrderDialog</name>
        <message>
            <source>New order for %1</source>
            <translation>Nuevo pedido de %1</translation>
        </message>
        <message>
            <source>Find a product to add</source>
            <translation>Busca un producto para añadir</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Cantidad</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>Precio unitario</translation>
        </message>
        <message>
            <source>Note (delivery, gift wrap…)</source>
            <translation>Nota (entrega, envolver para regalo…)</translation>
        </message>
        <message>
            <source>Create order</source>
            <translation>Crear pedido</translation>
        </message>
        <message>
            <source>Double-click a product (or press Enter) to add it.</source>
            <translation>Haz doble clic en un producto (o pulsa Intro) para añadirlo.</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>Total: %1</source>
            <translation>Total: %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::NoticeBanner</name>
        <message>
            <source>Dismiss</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Hide this message</source>
            <translation>Ocultar este aviso</translation>
        </message>
        <message numerus="yes">
            <source>%1 (and %n earlier message(s))</source>
            <translation>
                <numerusform>%1 (y %n aviso anterior)</numerusform>
                <numerusform>%1 (y %n avisos anteriores)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::Order</name>
        <message>
            <source>Order %1</source>
            <translation>Pedido %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::OrderCard</name>
        <message>
            <source>Product %1 (not in the catalog)</source>
            <translation>Producto %1 (no está en el catálogo)</translation>
        </message>
        <message>
            <source>%1 × %2</source>
            <translation>%1 × %2</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Tracking number: %1</source>
            <translation>Número de guía: %1</translation>
        </message>
        <message>
            <source>Click for its stage, payment details, shipping…</source>
            <translation>Haz clic para su etapa, datos de pago, envío…</translation>
        </message>
        <message>
            <source>%1 × %2 — %3</source>
            <translation>%1 × %2 — %3</translation>
        </message>
        <message>
            <source>Total: %1</source>
            <translation>Total: %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::OrderStage</name>
        <message>
            <source>New</source>
            <translation>Nuevo</translation>
        </message>
        <message>
            <source>Pending payment</source>
            <translation>Pendiente de pago</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Pagado</translation>
        </message>
        <message>
            <source>Shipped</source>
            <translation>Enviado</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Entregado</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::OrdersDialog</name>
        <message>
            <source>Orders</source>
            <translation>Pedidos</translation>
        </message>
        <message>
            <source>All stages</source>
            <translation>Todas las etapas</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Pedido</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Productos</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Etapa</translation>
        </message>
        <message>
            <source>Stage:</source>
            <translation>Etapa:</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>Desde:</translation>
        </message>
        <message>
            <source>to:</source>
            <translation>hasta:</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Exportar CSV…</translation>
        </message>
        <message>
            <source>Double-click an order to open its conversation; right-click to change its stage.</source>
            <translation>Doble clic en un pedido para abrir su conversación; clic derecho para cambiar su etapa.</translation>
        </message>
        <message>
            <source>%1: %2 · %3</source>
            <translation>%1: %2 · %3</translation>
        </message>
        <message>
            <source>No orders between these dates.</source>
            <translation>No hay pedidos entre estas fechas.</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) — </source>
            <translation>
                <numerusform>%n pedido — </numerusform>
                <numerusform>%n pedidos — </numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::PrivacyDialog</name>
        <message>
            <source>Privacy</source>
            <translation>Privacidad</translation>
        </message>
        <message>
            <source>Always (never remove)</source>
            <translation>Siempre (no borrar nunca)</translation>
        </message>
        <message>
            <source> months</source>
            <translation> meses</translation>
        </message>
        <message>
            <source>Conversations nobody has written in for longer than this are removed, with their files; a customer left with no conversation is forgotten. A week before, Mostrador says how many will go. Backups keep them until they are replaced by newer ones.</source>
            <translation>Las conversaciones en las que nadie ha escrito durante más tiempo que este se borran, con sus archivos; un cliente que se queda sin conversaciones se olvida. Una semana antes, Mostrador avisa de cuántas se borrarán. Las copias de seguridad las guardan hasta que se sustituyen por otras más nuevas.</translation>
        </message>
        <message>
            <source>When a customer asks for their data, or asks to be forgotten, use “Their data” in the customer pane.</source>
            <translation>Cuando un cliente pida sus datos, o que se le olvide, usa «Sus datos» en el panel del cliente.</translation>
        </message>
        <message>
            <source>&amp;Keep conversations for:</source>
            <translation>&amp;Guardar las conversaciones:</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ProductDialog</name>
        <message>
            <source>New product</source>
            <translation>Nuevo producto</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <source>Made from the name if left empty</source>
            <translation>Si lo dejas vacío, se hace a partir del nombre</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>Disponible</translation>
        </message>
        <message>
            <source>Sold out</source>
            <translation>Agotado</translation>
        </message>
        <message>
            <source>On order</source>
            <translation>Por encargo</translation>
        </message>
        <message>
            <source>Choose photo…</source>
            <translation>Elegir foto…</translation>
        </message>
        <message>
            <source>The product's photo</source>
            <translation>La foto del producto</translation>
        </message>
        <message>
            <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
            <translation>Fotos (*.jpg *.jpeg *.png *.webp)</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Nombre:</translation>
        </message>
        <message>
            <source>Id:</source>
            <translation>Id:</translation>
        </message>
        <message>
            <source>Description:</source>
            <translation>Descripción:</translation>
        </message>
        <message>
            <source>Price:</source>
            <translation>Precio:</translation>
        </message>
        <message>
            <source>Stock:</source>
            <translation>Existencias:</translation>
        </message>
        <message>
            <source>No photo</source>
            <translation>Sin foto</translation>
        </message>
        <message>
            <source>Write the product's name.</source>
            <translation>Escribe el nombre del producto.</translation>
        </message>
        <message>
            <source>“%1” is not a price: write it as the customer reads it, e.g. 45.000 or 12,99.</source>
            <translation>«%1» no es un precio: escríbelo como lo lee el cliente, por ejemplo 45.000 o 12,99.</translation>
        </message>
        <message>
            <source>The currency is its three letters: COP, EUR, MXN, USD…</source>
            <translation>La moneda son sus tres letras: COP, EUR, MXN, USD…</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ProductPicker</name>
        <message>
            <source>Send products</source>
            <translation>Enviar productos</translation>
        </message>
        <message>
            <source>Search: name, description or id (accents not needed)</source>
            <translation>Buscar: nombre, descripción o id (sin importar las tildes)</translation>
        </message>
        <message>
            <source>Optional: a few words with them</source>
            <translation>Opcional: unas palabras con ellos</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Enviar</translation>
        </message>
        <message>
            <source>Send the whole catalog</source>
            <translation>Enviar todo el catálogo</translation>
        </message>
        <message>
            <source>From the catalog on WhatsApp: the customer sees each product with its photo and price, and can add it to a cart.</source>
            <translation>Del catálogo de WhatsApp: el cliente ve cada producto con su foto y precio, y puede añadirlo a un carrito.</translation>
        </message>
        <message>
            <source>From the shop's own list: each product goes as its photo with the name and price.</source>
            <translation>De la lista propia de la tienda: cada producto va como su foto con el nombre y el precio.</translation>
        </message>
        <message>
            <source>sold out</source>
            <translation>agotado</translation>
        </message>
        <message>
            <source>The catalog is empty: add products in Shop ▸ Catalog.</source>
            <translation>El catálogo está vacío: añade productos en Tienda ▸ Catálogo.</translation>
        </message>
        <message>
            <source>No product matches “%1”.</source>
            <translation>Ningún producto coincide con «%1».</translation>
        </message>
        <message>
            <source>%1 chosen: WhatsApp shows at most %2 in one message.</source>
            <translation>%1 elegidos: WhatsApp muestra como mucho %2 en un mensaje.</translation>
        </message>
        <message>
            <source>Tick the products to send, or press Enter to send the highlighted one.</source>
            <translation>Marca los productos que quieres enviar, o pulsa Intro para enviar el resaltado.</translation>
        </message>
        <message numerus="yes">
            <source>%n chosen (up to 30).</source>
            <translation>
                <numerusform>%n elegido (hasta 30).</numerusform>
                <numerusform>%n elegidos (hasta 30).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ProductSend</name>
        <message>
            <source>sold out</source>
            <translation>agotado</translation>
        </message>
        <message>
            <source>Product: %1</source>
            <translation>Producto: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s): %1</source>
            <translation>
                <numerusform>%n producto: %1</numerusform>
                <numerusform>%n productos: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose at least one product.</source>
            <translation>Elige al menos un producto.</translation>
        </message>
        <message>
            <source>Products for you</source>
            <translation>Productos para ti</translation>
        </message>
        <message>
            <source>Tap one to see it and add it to your cart.</source>
            <translation>Toca uno para verlo y añadirlo a tu carrito.</translation>
        </message>
        <message>
            <source>The whole catalog can be sent only when the shop's catalog is on Meta (Commerce Manager).</source>
            <translation>Todo el catálogo solo se puede enviar cuando el catálogo de la tienda está en Meta (Administrador de ventas).</translation>
        </message>
        <message>
            <source>Here is our catalog: tap a product to see it and add it to your cart.</source>
            <translation>Este es nuestro catálogo: toca un producto para verlo y añadirlo a tu carrito.</translation>
        </message>
        <message>
            <source>The whole catalog</source>
            <translation>Todo el catálogo</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ProfilePreview</name>
        <message>
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Correo</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Sitio web</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::QuickRepliesDialog</name>
        <message>
            <source>Quick replies</source>
            <translation>Respuestas rápidas</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Nuevo</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplicar</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Eliminar</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Bajar</translation>
        </message>
        <message>
            <source>envio (typed as /envio)</source>
            <translation>envio (se escribe /envio)</translation>
        </message>
        <message>
            <source>Shipping to Bogotá</source>
            <translation>Envío a Bogotá</translation>
        </message>
        <message>
            <source>Text of the reply</source>
            <translation>Texto de la respuesta</translation>
        </message>
        <message>
            <source>Save this reply</source>
            <translation>Guardar esta respuesta</translation>
        </message>
        <message>
            <source>Shortcut:</source>
            <translation>Atajo:</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>Título:</translation>
        </message>
        <message>
            <source>Text:</source>
            <translation>Texto:</translation>
        </message>
        <message>
            <source>As the customer sees it:</source>
            <translation>Como lo ve el cliente:</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Importar…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportar…</translation>
        </message>
        <message numerus="yes">
            <source>(used %n time(s))</source>
            <translation>
                <numerusform>(usada una vez)</numerusform>
                <numerusform>(usada %n veces)</numerusform>
            </translation>
        </message>
        <message>
            <source>Lucía Gómez</source>
            <translation>Lucía Gómez</translation>
        </message>
        <message>
            <source>your shop</source>
            <translation>tu tienda</translation>
        </message>
        <message>
            <source>Saved /%1.</source>
            <translation>/%1 guardada.</translation>
        </message>
        <message>
            <source>Write the new reply, then Save this reply.</source>
            <translation>Escribe la nueva respuesta y pulsa Guardar esta respuesta.</translation>
        </message>
        <message>
            <source>Deleted /%1.</source>
            <translation>/%1 eliminada.</translation>
        </message>
        <message>
            <source>Nothing was imported: %1</source>
            <translation>No se importó nada: %1</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n new reply(ies)</source>
            <translation>
                <numerusform>Importada %n respuesta nueva</numerusform>
                <numerusform>Importadas %n respuestas nuevas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n updated.</source>
            <translation>
                <numerusform>%n actualizada.</numerusform>
                <numerusform>%n actualizadas.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reply(ies) saved to %1.</source>
            <translation>
                <numerusform>%n respuesta guardada en %1.</numerusform>
                <numerusform>%n respuestas guardadas en %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import quick replies</source>
            <translation>Importar respuestas rápidas</translation>
        </message>
        <message>
            <source>Quick replies (*.json *.csv)</source>
            <translation>Respuestas rápidas (*.json *.csv)</translation>
        </message>
        <message>
            <source>quick-replies</source>
            <translation>respuestas-rapidas</translation>
        </message>
        <message>
            <source>Export quick replies</source>
            <translation>Exportar respuestas rápidas</translation>
        </message>
        <message>
            <source>Mostrador file (*.json);;Spreadsheet (*.csv)</source>
            <translation>Archivo de Mostrador (*.json);;Hoja de cálculo (*.csv)</translation>
        </message>
        <message>
            <source>Files sent with this reply</source>
            <translation>Archivos que se envían con esta respuesta</translation>
        </message>
        <message>
            <source>Add file…</source>
            <translation>Añadir archivo…</translation>
        </message>
        <message>
            <source>A file to send with this reply</source>
            <translation>Un archivo para enviar con esta respuesta</translation>
        </message>
        <message>
            <source>Remove file</source>
            <translation>Quitar archivo</translation>
        </message>
        <message>
            <source>Files (price list, payment QR…):</source>
            <translation>Archivos (lista de precios, QR de pago…):</translation>
        </message>
        <message numerus="yes">
            <source>+ %n file(s)</source>
            <translation>
                <numerusform>+ %n archivo</numerusform>
                <numerusform>+ %n archivos</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 will go with this reply once you save it.</source>
            <translation>%1 irá con esta respuesta cuando la guardes.</translation>
        </message>
        <message>
            <source>A spreadsheet cannot carry the attached files: export as a Mostrador file to take them too.</source>
            <translation>Una hoja de cálculo no puede llevar los archivos adjuntos: exporta como archivo de Mostrador para llevarlos también.</translation>
        </message>
        <message>
            <source>Placeholders: {name} the customer's first name, {shop} the shop, {today} and {tomorrow} dates (the Spanish {nombre}, {tienda}, {hoy} and {mañana} work too).</source>
            <translation>Comodines: {nombre} el nombre del cliente, {tienda} la tienda, {hoy} y {mañana} fechas (también valen en inglés: {name}, {shop}, {today}, {tomorrow}).</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
        <message>
            <source>The reply you are editing has changes that are not saved.</source>
            <translation>La respuesta que estás editando tiene cambios sin guardar.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::QuickReplyList</name>
        <message>
            <source>Quick replies</source>
            <translation>Respuestas rápidas</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ReportStrip</name>
        <message>
            <source>Open the reports</source>
            <translation>Abrir los informes</translation>
        </message>
        <message>
            <source>Reply today: %1</source>
            <translation>Respuesta hoy: %1</translation>
        </message>
        <message>
            <source>no replies yet</source>
            <translation>aún sin respuestas</translation>
        </message>
        <message>
            <source>Waiting now: %1</source>
            <translation>Esperando ahora: %1</translation>
        </message>
        <message>
            <source>Lost this week: %1</source>
            <translation>Perdidos esta semana: %1</translation>
        </message>
        <message>
            <source>Counting today's figures…</source>
            <translation>Contando las cifras de hoy…</translation>
        </message>
        <message>
            <source>This month: %1</source>
            <translation>Este mes: %1</translation>
        </message>
        <message>
            <source>~%1 by the month's end</source>
            <translation>~%1 a fin de mes</translation>
        </message>
        <message>
            <source>What WhatsApp has cost this month, by Meta's rate cards: %1 at this pace. Click to see this month's costs.</source>
            <translation>Lo que WhatsApp ha costado este mes, según las tarifas de Meta: %1 a este ritmo. Haz clic para ver los costes del mes.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ReportsWindow</name>
        <message>
            <source>Counting the new period… (the figures below are the previous ones)</source>
            <translation>Contando el nuevo periodo… (las cifras de abajo son las anteriores)</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Contando…</translation>
        </message>
        <message>
            <source>The report could not be made: %1</source>
            <translation>No se pudo hacer el informe: %1</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>del %1 al %2</translation>
        </message>
        <message>
            <source>Report for %1</source>
            <translation>Informe: %1</translation>
        </message>
        <message>
            <source>Compared with %1. Counted at %2.</source>
            <translation>Comparado con %1. Contado a las %2.</translation>
        </message>
        <message>
            <source>90 %: %1</source>
            <translation>90 %: %1</translation>
        </message>
        <message>
            <source>counting open hours only: %1</source>
            <translation>solo en horario de apertura: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n wait(s) answered</source>
            <translation>
                <numerusform>%n espera respondida</numerusform>
                <numerusform>%n esperas respondidas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>of %n wait(s) that began in the period — click to see them</source>
            <translation>
                <numerusform>de %n espera que empezó en el periodo; haz clic para verla</numerusform>
                <numerusform>de %n esperas que empezaron en el periodo; haz clic para verlas</numerusform>
            </translation>
        </message>
        <message>
            <source>left unanswered until the 24-hour window closed: only a template can reach them now</source>
            <translation>sin respuesta hasta que se cerró la ventana de 24 horas: ahora solo les llega una plantilla</translation>
        </message>
        <message numerus="yes">
            <source>%n conversation(s) resolved</source>
            <translation>
                <numerusform>%n conversación resuelta</numerusform>
                <numerusform>%n conversaciones resueltas</numerusform>
            </translation>
        </message>
        <message>
            <source>new customers: %1 · returning: %2</source>
            <translation>clientes nuevos: %1 · que vuelven: %2</translation>
        </message>
        <message>
            <source>%1 in · %2 out</source>
            <translation>%1 recibidos · %2 enviados</translation>
        </message>
        <message>
            <source>by people: %1 · automatic: %2 · campaigns: %3 · imported: %4</source>
            <translation>por personas: %1 · automáticos: %2 · campañas: %3 · importados: %4</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s)</source>
            <translation>
                <numerusform>%n mensaje</numerusform>
                <numerusform>%n mensajes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>from %n chat(s)</source>
            <translation>
                <numerusform>de %n chat</numerusform>
                <numerusform>de %n chats</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 got the away reply</source>
            <translation>%1 recibieron la respuesta de ausencia</translation>
        </message>
        <message>
            <source>Set your opening hours (Shop ▸ Opening hours and automatic replies) to see this.</source>
            <translation>Indica tu horario (Tienda ▸ Horario y respuestas automáticas) para ver esto.</translation>
        </message>
        <message>
            <source>%1 billable · %2 free</source>
            <translation>%1 facturables · %2 gratis</translation>
        </message>
        <message>
            <source>Lost: the window closed</source>
            <translation>Perdido: la ventana se cerró</translation>
        </message>
        <message>
            <source>Window still open</source>
            <translation>Ventana aún abierta</translation>
        </message>
        <message>
            <source>Nobody was left waiting at the end of the period.</source>
            <translation>Nadie quedó esperando al final del periodo.</translation>
        </message>
        <message>
            <source>Waiting at the end of the period (double-click to open)</source>
            <translation>Esperando al final del periodo (doble clic para abrir)</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Informes</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Últimos 7 días</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Últimos 30 días</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Este mes</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>El mes pasado</translation>
        </message>
        <message>
            <source>Between two dates…</source>
            <translation>Entre dos fechas…</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Periodo</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Hasta</translation>
        </message>
        <message>
            <source>Rate card…</source>
            <translation>Tarifas…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Guardar como PDF…</translation>
        </message>
        <message>
            <source>Save figures (CSV)…</source>
            <translation>Guardar cifras (CSV)…</translation>
        </message>
        <message>
            <source>Reply time (median)</source>
            <translation>Tiempo de respuesta (mediana)</translation>
        </message>
        <message>
            <source>Left waiting</source>
            <translation>Quedaron esperando</translation>
        </message>
        <message>
            <source>Lost chats</source>
            <translation>Chats perdidos</translation>
        </message>
        <message>
            <source>Time to resolve (median)</source>
            <translation>Tiempo hasta resolver (mediana)</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>Conversaciones</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>Mensajes</translation>
        </message>
        <message>
            <source>While closed</source>
            <translation>Con la tienda cerrada</translation>
        </message>
        <message>
            <source>WhatsApp costs</source>
            <translation>Costes de WhatsApp</translation>
        </message>
        <message>
            <source>When customers write</source>
            <translation>Cuándo escriben los clientes</translation>
        </message>
        <message>
            <source>The team</source>
            <translation>El equipo</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Persona</translation>
        </message>
        <message>
            <source>90 %</source>
            <translation>90 %</translation>
        </message>
        <message>
            <source>Arrivals from ads</source>
            <translation>Llegadas desde anuncios</translation>
        </message>
        <message>
            <source>Ad</source>
            <translation>Anuncio</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Clientes</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>Waiting since</source>
            <translation>Esperando desde</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>The file could not be written there.</source>
            <translation>No se pudo escribir el archivo ahí.</translation>
        </message>
        <message>
            <source>Save the report as PDF</source>
            <translation>Guardar el informe como PDF</translation>
        </message>
        <message>
            <source>report</source>
            <translation>informe</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>No se guardó</translation>
        </message>
        <message>
            <source>The report was not saved as %1. %2</source>
            <translation>El informe no se guardó como %1. %2</translation>
        </message>
        <message>
            <source>Save the figures as CSV</source>
            <translation>Guardar las cifras como CSV</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>The figures were not saved as %1: %2</source>
            <translation>Las cifras no se guardaron como %1: %2</translation>
        </message>
        <message>
            <source>Choose a rate card</source>
            <translation>Elegir una tarifa</translation>
        </message>
        <message>
            <source>Rate card (*.csv)</source>
            <translation>Tarifa (*.csv)</translation>
        </message>
        <message>
            <source>your own</source>
            <translation>la tuya</translation>
        </message>
        <message>
            <source>Each message is priced by Meta's rate card of its own day (here: %1; %2). Your WhatsApp Manager shows what you are really billed.</source>
            <translation>Cada mensaje se cobra con las tarifas de Meta de su propio día (aquí: %1; %2). Tu WhatsApp Manager muestra lo que se te factura de verdad.</translation>
        </message>
        <message numerus="yes">
            <source>Since %1 Meta bills replies inside the 24-hour window too: %n such message(s) billed in this period.</source>
            <translation>
                <numerusform>Desde el %1 Meta cobra también las respuestas dentro de la ventana de 24 horas: %n cobrada en este periodo.</numerusform>
                <numerusform>Desde el %1 Meta cobra también las respuestas dentro de la ventana de 24 horas: %n cobradas en este periodo.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Replies inside the 24-hour window were free until %1: %n such message(s) in this period.</source>
            <translation>
                <numerusform>Las respuestas dentro de la ventana de 24 horas fueron gratis hasta el %1: %n en este periodo.</numerusform>
                <numerusform>Las respuestas dentro de la ventana de 24 horas fueron gratis hasta el %1: %n en este periodo.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Automatic replies (greeting, away message): %1 for %n billed message(s).</source>
            <translation>
                <numerusform>Respuestas automáticas (saludo, ausencia): %1 por %n mensaje cobrado.</numerusform>
                <numerusform>Respuestas automáticas (saludo, ausencia): %1 por %n mensajes cobrados.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) written by Meta's AI agent: Meta bills those by their length, so they have no price here.</source>
            <translation>
                <numerusform>%n mensaje escrito por el agente de IA de Meta: Meta lo cobra según su longitud, así que aquí no tiene precio.</numerusform>
                <numerusform>%n mensajes escritos por el agente de IA de Meta: Meta los cobra según su longitud, así que aquí no tienen precio.</numerusform>
            </translation>
        </message>
        <message>
            <source>Price WhatsApp's messages with a newer rate card (a CSV file: country, marketing, utility, authentication, service; dated with "# effective:")</source>
            <translation>Cobrar los mensajes de WhatsApp con unas tarifas más nuevas (un CSV: country, marketing, utility, authentication, service; con su fecha en "# effective:")</translation>
        </message>
        <message>
            <source>WhatsApp cost</source>
            <translation>Coste de WhatsApp</translation>
        </message>
        <message numerus="yes">
            <source>by the card of %1: %2 for %n billed message(s)</source>
            <translation>
                <numerusform>con las tarifas del %1: %2 por %n mensaje cobrado</numerusform>
                <numerusform>con las tarifas del %1: %2 por %n mensajes cobrados</numerusform>
            </translation>
        </message>
        <message>
            <source>This period crosses a change of Meta's prices: %1.</source>
            <translation>Este periodo cruza un cambio de precios de Meta: %1.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::SecretStore</name>
        <message>
            <source>Nothing is saved in the keychain under this name yet.</source>
            <translation>Todavía no hay nada guardado en el llavero con este nombre.</translation>
        </message>
        <message>
            <source>This computer has no keychain Mostrador can use to keep your access token safe.</source>
            <translation>Este ordenador no tiene un llavero que Mostrador pueda usar para guardar tu token de acceso de forma segura.</translation>
        </message>
        <message>
            <source>The keychain refused access. It may be locked: unlock it and try again.</source>
            <translation>El llavero ha denegado el acceso. Puede que esté bloqueado: desbloquéalo e inténtalo de nuevo.</translation>
        </message>
        <message>
            <source>The keychain did not answer. It may be waiting for you to unlock it in another window.</source>
            <translation>El llavero no responde. Puede que esté esperando a que lo desbloquees en otra ventana.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::SetupWizard</name>
        <message>
            <source>Connect your WhatsApp Business number</source>
            <translation>Conecta tu número de WhatsApp Business</translation>
        </message>
        <message>
            <source>Mostrador talks to WhatsApp through Meta's official Cloud API. You need, once:

1. A Meta developer account and an app of type Business with the WhatsApp product (developers.facebook.com ▸ My apps ▸ Create app).
2. Your shop's number added in WhatsApp ▸ API Setup (a number not in use in the WhatsApp app).
3. A permanent access token from a system user (Business settings ▸ Users ▸ System users).

The next pages say where to find each value. Nothing is sent to customers while you set up.</source>
            <translation>Mostrador habla con WhatsApp a través de la API oficial en la nube de Meta. Necesitas, una sola vez:

1. Una cuenta de desarrollador de Meta y una app de tipo Negocio con el producto WhatsApp (developers.facebook.com ▸ Mis apps ▸ Crear app).
2. El número de la tienda añadido en WhatsApp ▸ Configuración de la API (un número que no se use en la app de WhatsApp).
3. Un token de acceso permanente de un usuario del sistema (Configuración del negocio ▸ Usuarios ▸ Usuarios del sistema).

Las páginas siguientes dicen dónde encontrar cada dato. Mientras configuras no se envía nada a los clientes.</translation>
        </message>
        <message>
            <source>Connect my number</source>
            <translation>Conectar mi número</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ShopCampaigns</name>
        <message>
            <source>Templates</source>
            <translation>Plantillas</translation>
        </message>
        <message>
            <source>The number's templates could not be read: %1</source>
            <translation>No se pudieron leer las plantillas del número: %1</translation>
        </message>
        <message>
            <source>Meta's prices</source>
            <translation>Los precios de Meta</translation>
        </message>
        <message>
            <source>Rate cards (*.csv)</source>
            <translation>Tarifas (*.csv)</translation>
        </message>
        <message>
            <source>Rate card</source>
            <translation>Tarifas</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ShopDialogs</name>
        <message>
            <source>The opening hours and automatic replies were not saved.</source>
            <translation>No se guardaron el horario ni las respuestas automáticas.</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>No se guardó</translation>
        </message>
        <message>
            <source>The retention period was not saved.</source>
            <translation>No se guardó el plazo de conservación.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ShopOrders</name>
        <message numerus="yes">
            <source>%n product(s) read from the catalog on WhatsApp.</source>
            <translation>
                <numerusform>%n producto leído del catálogo de WhatsApp.</numerusform>
                <numerusform>%n productos leídos del catálogo de WhatsApp.</numerusform>
            </translation>
        </message>
        <message>
            <source>This conversation has no order yet: a cart the customer sends becomes one, or write one with New order… in the customer's panel.</source>
            <translation>Esta conversación aún no tiene pedido: un carrito que envíe el cliente se convierte en uno, o anótalo con Nuevo pedido… en el panel del cliente.</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Pedidos</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Send payment details</source>
            <translation>Enviar datos de pago</translation>
        </message>
        <message>
            <source>Mark as paid</source>
            <translation>Marcar como pagado</translation>
        </message>
        <message>
            <source>Mark as shipped…</source>
            <translation>Marcar como enviado…</translation>
        </message>
        <message>
            <source>All orders…</source>
            <translation>Todos los pedidos…</translation>
        </message>
        <message>
            <source>The order's stage could not be saved: %1</source>
            <translation>No se pudo guardar la etapa del pedido: %1</translation>
        </message>
        <message>
            <source>The customer last wrote more than 24 hours ago, so WhatsApp only lets a template through: send the payment reminder template from the box below.</source>
            <translation>El cliente escribió por última vez hace más de 24 horas, así que WhatsApp solo deja pasar una plantilla: envía la plantilla de recordatorio de pago desde el cuadro de abajo.</translation>
        </message>
        <message>
            <source>Write your payment details once as a quick reply with the shortcut /pago (Shop ▸ Quick replies): the bank account, the Nequi, Bizum or MercadoPago link, a QR image. This button then puts it in the message box.</source>
            <translation>Escribe tus datos de pago una vez como respuesta rápida con el atajo /pago (Tienda ▸ Respuestas rápidas): la cuenta del banco, el enlace de Nequi, Bizum o MercadoPago, una imagen QR. Este botón la pone luego en el cuadro del mensaje.</translation>
        </message>
        <message>
            <source>Mark as shipped</source>
            <translation>Marcar como enviado</translation>
        </message>
        <message>
            <source>Tracking number (leave empty if there is none):</source>
            <translation>Número de guía (déjalo vacío si no hay):</translation>
        </message>
        <message>
            <source>The “shipped” message could not be sent: %1</source>
            <translation>No se pudo enviar el mensaje de «enviado»: %1</translation>
        </message>
        <message>
            <source>The order could not be saved: %1</source>
            <translation>No se pudo guardar el pedido: %1</translation>
        </message>
        <message>
            <source>Export orders</source>
            <translation>Exportar pedidos</translation>
        </message>
        <message>
            <source>orders.csv</source>
            <translation>pedidos.csv</translation>
        </message>
        <message>
            <source>Spreadsheet (*.csv)</source>
            <translation>Hoja de cálculo (*.csv)</translation>
        </message>
        <message>
            <source>The orders could not be written to %1: %2</source>
            <translation>No se pudieron escribir los pedidos en %1: %2</translation>
        </message>
        <message>
            <source>Reading the catalog from WhatsApp…</source>
            <translation>Leyendo el catálogo de WhatsApp…</translation>
        </message>
        <message>
            <source>Remove product</source>
            <translation>Quitar producto</translation>
        </message>
        <message>
            <source>Remove “%1” from the shop's list? Orders that have it keep it.</source>
            <translation>¿Quitar «%1» de la lista de la tienda? Los pedidos que lo tienen lo conservan.</translation>
        </message>
        <message>
            <source>Import products</source>
            <translation>Importar productos</translation>
        </message>
        <message>
            <source>Spreadsheet (*.csv *.txt)</source>
            <translation>Hoja de cálculo (*.csv *.txt)</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>línea %1: %2</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) imported.</source>
            <translation>
                <numerusform>%n producto importado.</numerusform>
                <numerusform>%n productos importados.</numerusform>
            </translation>
        </message>
        <message>
            <source>Rows not read — %1.</source>
            <translation>Filas sin leer — %1.</translation>
        </message>
        <message>
            <source>Export products</source>
            <translation>Exportar productos</translation>
        </message>
        <message>
            <source>catalog.csv</source>
            <translation>catalogo.csv</translation>
        </message>
        <message>
            <source>The products could not be written to %1: %2</source>
            <translation>No se pudieron escribir los productos en %1: %2</translation>
        </message>
        <message>
            <source>Written to %1, in the columns of Meta's catalog feed.</source>
            <translation>Escrito en %1, con las columnas de la lista de productos del catálogo de Meta.</translation>
        </message>
        <message>
            <source>The product could not be saved: %1</source>
            <translation>No se pudo guardar el producto: %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ShopReports</name>
        <message>
            <source>Rate card not used</source>
            <translation>Tarifa no usada</translation>
        </message>
        <message>
            <source>%1 was not used as the rate card. %2</source>
            <translation>%1 no se usó como tarifa. %2</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <source>Search messages and customers (also Ctrl+F)</source>
            <translation>Buscar en mensajes y clientes (también Ctrl+F)</translation>
        </message>
        <message>
            <source>Previous conversation</source>
            <translation>Conversación anterior</translation>
        </message>
        <message>
            <source>Next conversation</source>
            <translation>Conversación siguiente</translation>
        </message>
        <message>
            <source>Next conversation with unread messages</source>
            <translation>Siguiente conversación con mensajes sin leer</translation>
        </message>
        <message>
            <source>Resolve this conversation and open the next one waiting</source>
            <translation>Resolver esta conversación y abrir la siguiente que espera</translation>
        </message>
        <message>
            <source>Send the message</source>
            <translation>Enviar el mensaje</translation>
        </message>
        <message>
            <source>New line in the message</source>
            <translation>Nueva línea en el mensaje</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Teclas</translation>
        </message>
        <message>
            <source>What they do</source>
            <translation>Qué hacen</translation>
        </message>
        <message>
            <source>Mark this conversation read (and tell the customer)</source>
            <translation>Marcar esta conversación como leída (y avisar al cliente)</translation>
        </message>
        <message>
            <source>Write to a customer first (new conversation)</source>
            <translation>Escribir primero a un cliente (nueva conversación)</translation>
        </message>
        <message>
            <source>Enter</source>
            <comment>the Return key, as printed on the keyboard</comment>
            <translation>Intro</translation>
        </message>
        <message>
            <source>This conversation's order: its stage (then 1–6), payment details, shipping</source>
            <translation>El pedido de esta conversación: su etapa (luego 1–6), datos de pago, envío</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::SteadyList</name>
        <message numerus="yes">
            <source>%n new ↑</source>
            <translation>
                <numerusform>%n novedad ↑</numerusform>
                <numerusform>%n novedades ↑</numerusform>
            </translation>
        </message>
        <message>
            <source>Conversations changed while you were pointing at the list: click to put them in their place.</source>
            <translation>Hubo cambios en las conversaciones mientras señalabas la lista: haz clic para ponerlas en su sitio.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TeamBar</name>
        <message>
            <source>Private note</source>
            <translation>Nota privada</translation>
        </message>
        <message>
            <source>For the team only; the customer never sees it:</source>
            <translation>Solo para el equipo; el cliente nunca la ve:</translation>
        </message>
        <message>
            <source>Nobody</source>
            <translation>Nadie</translation>
        </message>
        <message>
            <source>%1 (me)</source>
            <translation>%1 (yo)</translation>
        </message>
        <message>
            <source>✎ %1 is replying…</source>
            <translation>✎ %1 está respondiendo…</translation>
        </message>
        <message>
            <source>Private note · %1 · %2: %3</source>
            <translation>Nota privada · %1 · %2: %3</translation>
        </message>
        <message>
            <source>Assigned to:</source>
            <translation>Asignada a:</translation>
        </message>
        <message>
            <source>Who answers this conversation</source>
            <translation>Quién responde esta conversación</translation>
        </message>
        <message>
            <source>Private note…</source>
            <translation>Nota privada…</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TeamDialog</name>
        <message>
            <source>&amp;Add a person…</source>
            <translation>&amp;Añadir una persona…</translation>
        </message>
        <message>
            <source>&amp;End access…</source>
            <translation>&amp;Quitar acceso…</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copiar</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Equipo</translation>
        </message>
        <message>
            <source>Each person signs in to the team's database with their own address. They can answer customers, write notes and use labels; only you change the shop's settings, quick replies and team. Ending someone's access closes their session at once; what they wrote stays.</source>
            <translation>Cada persona entra en la base de datos del equipo con su propia dirección. Pueden atender a los clientes, escribir notas y usar etiquetas; solo tú cambias los ajustes de la tienda, las respuestas rápidas y el equipo. Quitar el acceso a alguien cierra su sesión al momento; lo que escribió se queda.</translation>
        </message>
        <message>
            <source>Add a person</source>
            <translation>Añadir una persona</translation>
        </message>
        <message>
            <source>Their name, as the team will see it:</source>
            <translation>Su nombre, como lo verá el equipo:</translation>
        </message>
        <message>
            <source>End %1's access?</source>
            <translation>¿Quitar el acceso a %1?</translation>
        </message>
        <message>
            <source>%1 is signed out at once and cannot sign in again. Their conversations go back to the team; what they wrote stays under their name.</source>
            <translation>%1 sale al momento y no puede volver a entrar. Sus conversaciones vuelven al equipo; lo que escribió se queda con su nombre.</translation>
        </message>
        <message>
            <source>%1 (owner)</source>
            <translation>%1 (dueño)</translation>
        </message>
        <message>
            <source>Give %1 this address once, privately (it is not shown again). On their computer: mostrador --db "ADDRESS"; Mostrador then keeps the password in that computer's keychain.</source>
            <translation>Da esta dirección a %1 una vez, en privado (no se vuelve a mostrar). En su ordenador: mostrador --db "DIRECCIÓN"; Mostrador guarda entonces la contraseña en el llavero de ese ordenador.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TeamMedia</name>
        <message>
            <source>Could not get %1 from the server: %2</source>
            <translation>No se pudo obtener %1 del servidor: %2</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TeamSession</name>
        <message>
            <source>Team mode</source>
            <translation>Modo equipo</translation>
        </message>
        <message>
            <source>Your name, as your colleagues will see it:</source>
            <translation>Tu nombre, como lo verán tus compañeros:</translation>
        </message>
        <message>
            <source>%1 was not added: %2</source>
            <translation>No se añadió a %1: %2</translation>
        </message>
        <message>
            <source>%1 still has access: %2</source>
            <translation>%1 aún tiene acceso: %2</translation>
        </message>
        <message>
            <source>%1 no longer has access to the team's database.</source>
            <translation>%1 ya no tiene acceso a la base de datos del equipo.</translation>
        </message>
        <message>
            <source>The conversation was not handed over: %1</source>
            <translation>La conversación no se asignó: %1</translation>
        </message>
        <message>
            <source>The note was not saved: %1 It is kept: press “Private note…” to try again.</source>
            <translation>La nota no se guardó: %1 Se conserva: pulsa «Nota privada…» para intentarlo de nuevo.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TemplateEditor</name>
        <message>
            <source>English</source>
            <translation>Inglés</translation>
        </message>
        <message>
            <source>Spanish</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>New template</source>
            <translation>Nueva plantilla</translation>
        </message>
        <message>
            <source>for example: manta_llego</source>
            <translation>por ejemplo: manta_llego</translation>
        </message>
        <message>
            <source>Utility: an order, a delivery, a reminder</source>
            <translation>Utilidad: un pedido, una entrega, un recordatorio</translation>
        </message>
        <message>
            <source>Marketing: offers, news, invitations (costs more)</source>
            <translation>Marketing: ofertas, novedades, invitaciones (cuesta más)</translation>
        </message>
        <message>
            <source>Authentication: a one-time code (WhatsApp writes the text)</source>
            <translation>Autenticación: un código de un solo uso (WhatsApp escribe el texto)</translation>
        </message>
        <message>
            <source>Also in English</source>
            <translation>También en inglés</translation>
        </message>
        <message>
            <source>No header</source>
            <translation>Sin encabezado</translation>
        </message>
        <message>
            <source>A line of text</source>
            <translation>Una línea de texto</translation>
        </message>
        <message>
            <source>An image</source>
            <translation>Una imagen</translation>
        </message>
        <message>
            <source>for example: Responde BAJA si no quieres recibir más</source>
            <translation>por ejemplo: Responde BAJA si no quieres recibir más</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Categoría</translation>
        </message>
        <message>
            <source>Header</source>
            <translation>Encabezado</translation>
        </message>
        <message>
            <source>Text in Spanish</source>
            <translation>Texto en español</translation>
        </message>
        <message>
            <source>Text in English</source>
            <translation>Texto en inglés</translation>
        </message>
        <message>
            <source>Button</source>
            <translation>Botón</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texto</translation>
        </message>
        <message>
            <source>Link or number</source>
            <translation>Enlace o número</translation>
        </message>
        <message>
            <source>Add a button</source>
            <translation>Añadir un botón</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>Footer</source>
            <translation>Pie</translation>
        </message>
        <message>
            <source>As the customer sees it:</source>
            <translation>Como lo ve el cliente:</translation>
        </message>
        <message>
            <source>Submit for review</source>
            <translation>Enviar a revisión</translation>
        </message>
        <message>
            <source>It will be named %1</source>
            <translation>Se llamará %1</translation>
        </message>
        <message>
            <source>%1: %2. Meta usually answers within minutes, at most in a day.</source>
            <translation>%1: %2. Meta suele responder en minutos, como mucho en un día.</translation>
        </message>
        <message>
            <source>Meta did not take it: %1</source>
            <translation>Meta no la aceptó: %1</translation>
        </message>
        <message>
            <source>Hola {{1}}, llegó la manta que pediste. Te la guardamos hasta el {{2}}.</source>
            <translation>Hola {{1}}, llegó la manta que pediste. Te la guardamos hasta el {{2}}.</translation>
        </message>
        <message>
            <source>Hi {{1}}, the blanket you asked for has arrived. We keep it for you until {{2}}.</source>
            <translation>Hi {{1}}, the blanket you asked for has arrived. We keep it for you until {{2}}.</translation>
        </message>
        <message>
            <source>Variables go in double braces: {{1}}, {{2}}, or {{first_name}}. An example of each for Meta:</source>
            <translation>Las variables van entre llaves dobles: {{1}}, {{2}} o {{first_name}}. Un ejemplo de cada una para Meta:</translation>
        </message>
        <message>
            <source>Quick reply</source>
            <translation>Respuesta rápida</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Enlace</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Llamar</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>Imágenes (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>New template from %1</source>
            <translation>Nueva plantilla a partir de %1</translation>
        </message>
        <message>
            <source>Meta's rules are met: it can be submitted.</source>
            <translation>Cumple las reglas de Meta: se puede enviar a revisión.</translation>
        </message>
        <message>
            <source>Before submitting:</source>
            <translation>Antes de enviarla:</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Enviada</translation>
        </message>
        <message>
            <source>A video</source>
            <translation>Un vídeo</translation>
        </message>
        <message>
            <source>A document</source>
            <translation>Un documento</translation>
        </message>
        <message>
            <source>Choose the example file…</source>
            <translation>Elegir el archivo de ejemplo…</translation>
        </message>
        <message>
            <source>Videos (*.mp4 *.3gp)</source>
            <translation>Vídeos (*.mp4 *.3gp)</translation>
        </message>
        <message>
            <source>Documents (*.pdf)</source>
            <translation>Documentos (*.pdf)</translation>
        </message>
        <message>
            <source>The header's example</source>
            <translation>El ejemplo del encabezado</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TemplatePicker</name>
        <message>
            <source>Spanish</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Inglés</translation>
        </message>
        <message>
            <source>Portuguese</source>
            <translation>portugués</translation>
        </message>
        <message>
            <source>Catalan</source>
            <translation>catalán</translation>
        </message>
        <message>
            <source>French</source>
            <translation>francés</translation>
        </message>
        <message>
            <source>Italian</source>
            <translation>italiano</translation>
        </message>
        <message>
            <source>German</source>
            <translation>alemán</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>The customer's name</source>
            <translation>El nombre del cliente</translation>
        </message>
        <message>
            <source>Fills {{%1}} in the template</source>
            <translation>Rellena {{%1}} en la plantilla</translation>
        </message>
        <message>
            <source>No approved template to offer. Tick "Meta's examples" to see them.</source>
            <translation>No hay ninguna plantilla aprobada que ofrecer. Marca «Ejemplos de Meta» para verlos.</translation>
        </message>
        <message>
            <source>Send template</source>
            <translation>Enviar plantilla</translation>
        </message>
        <message>
            <source>Approved templates</source>
            <translation>Plantillas aprobadas</translation>
        </message>
        <message>
            <source>Meta's examples</source>
            <translation>Ejemplos de Meta</translation>
        </message>
        <message>
            <source>Show the sample templates Meta gives every new account, such as hello_world</source>
            <translation>Muestra las plantillas de ejemplo que Meta da a toda cuenta nueva, como hello_world</translation>
        </message>
        <message>
            <source>%1 · promotion: they said no</source>
            <translation>%1 · promoción: pidió que no</translation>
        </message>
        <message>
            <source>Send a promotion to someone who said no?</source>
            <translation>¿Enviar una promoción a quien dijo que no?</translation>
        </message>
        <message>
            <source>%1

“%2” is a promotion (a marketing template). Sending it goes against what the customer asked, and WhatsApp may limit the shop's number if customers report it.

If you send it anyway, it is recorded with your name.</source>
            <translation>%1

«%2» es una promoción (una plantilla de marketing). Enviarla va en contra de lo que pidió el cliente, y WhatsApp puede limitar el número de la tienda si los clientes la denuncian.

Si la envías de todos modos, queda registrado con tu nombre.</translation>
        </message>
        <message>
            <source>Send it anyway</source>
            <translation>Enviarla de todos modos</translation>
        </message>
        <message>
            <source>Don't send</source>
            <translation>No enviar</translation>
        </message>
        <message>
            <source>%1 This template is a promotion: it is not sent to them unless you confirm it.</source>
            <translation>%1 Esta plantilla es una promoción: no se le envía a menos que lo confirmes.</translation>
        </message>
        <message>
            <source>Send anyway…</source>
            <translation>Enviar de todos modos…</translation>
        </message>
        <message>
            <source>No approved templates yet. Create them in Shop ▸ Templates.</source>
            <translation>Aún no hay plantillas aprobadas. Créalas en Tienda ▸ Plantillas.</translation>
        </message>
        <message>
            <source>Billed: ~%1 (Meta's %2 rate for this customer's country)</source>
            <translation>Se cobra: ~%1 (tarifa de %2 de Meta para el país de este cliente)</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TemplatesDialog</name>
        <message>
            <source>Templates</source>
            <translation>Plantillas</translation>
        </message>
        <message>
            <source>Templates are the messages Meta approves for writing first, or after 24 hours without hearing from a customer.</source>
            <translation>Las plantillas son los mensajes que Meta aprueba para escribir primero, o pasadas 24 horas sin noticias de un cliente.</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Plantilla</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Meta's review</source>
            <translation>Revisión de Meta</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Categoría</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>Calidad</translation>
        </message>
        <message>
            <source>Reading the number's templates…</source>
            <translation>Leyendo las plantillas del número…</translation>
        </message>
        <message>
            <source>As the customer sees it:</source>
            <translation>Como lo ve el cliente:</translation>
        </message>
        <message>
            <source>New template…</source>
            <translation>Nueva plantilla…</translation>
        </message>
        <message>
            <source>New from this one…</source>
            <translation>Nueva a partir de esta…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Borrar…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualizar</translation>
        </message>
        <message>
            <source>Meta did not answer: %1</source>
            <translation>Meta no respondió: %1</translation>
        </message>
        <message>
            <source>%1 (%2) is %3: customers did not like it (blocked or reported the shop). It cannot be sent for now.</source>
            <translation>%1 (%2) está %3: a los clientes no les gustó (bloquearon o denunciaron a la tienda). Por ahora no se puede enviar.</translation>
        </message>
        <message numerus="yes">
            <source>%n template(s).</source>
            <translation>
                <numerusform>%n plantilla.</numerusform>
                <numerusform>%n plantillas.</numerusform>
            </translation>
        </message>
        <message>
            <source>Name: %1</source>
            <translation>Nombre: %1</translation>
        </message>
        <message>
            <source>Rejected: %1</source>
            <translation>Rechazada: %1</translation>
        </message>
        <message>
            <source>Meta gave no reason.</source>
            <translation>Meta no dio el motivo.</translation>
        </message>
        <message>
            <source>Write it again under a new name, changing what Meta pointed out.</source>
            <translation>Escríbela de nuevo con otro nombre, cambiando lo que Meta señaló.</translation>
        </message>
        <message>
            <source>Meta usually answers within minutes, at most in a day; it shows here when it does.</source>
            <translation>Meta suele responder en minutos, como mucho en un día; aparece aquí cuando lo hace.</translation>
        </message>
        <message>
            <source>Marketing messages cost more, and WhatsApp may hold some back from people who get many.</source>
            <translation>Los mensajes de marketing cuestan más, y WhatsApp puede retener algunos a quien recibe muchos.</translation>
        </message>
        <message>
            <source>Delete %1?</source>
            <translation>¿Borrar %1?</translation>
        </message>
        <message>
            <source>%1 is deleted in every language, and messages waiting to use it will not go.

Meta keeps the name for %2 days: no new template can be called %1 until %3.</source>
            <translation>%1 se borra en todos los idiomas, y los mensajes que esperaban usarla no saldrán.

Meta guarda el nombre %2 días: ninguna plantilla nueva podrá llamarse %1 hasta el %3.</translation>
        </message>
        <message>
            <source>Deleting %1…</source>
            <translation>Borrando %1…</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ThreadPane</name>
        <message>
            <source>Messages</source>
            <translation>Mensajes</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Resolve and next</source>
            <translation>Resolver y siguiente</translation>
        </message>
        <message>
            <source>Marks this conversation resolved and opens the next one waiting for an answer (Ctrl+Enter)</source>
            <translation>Marca esta conversación como resuelta y abre la siguiente que espera respuesta (Ctrl+Intro)</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Volver a enviar</translation>
        </message>
        <message>
            <source>Send a template instead</source>
            <translation>Enviar una plantilla en su lugar</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Descartar</translation>
        </message>
        <message>
            <source>No conversation selected</source>
            <translation>Ninguna conversación seleccionada</translation>
        </message>
        <message>
            <source>Choose a conversation on the left to read it and reply.</source>
            <translation>Elige una conversación a la izquierda para leerla y responder.</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abierto</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pendiente</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Resuelta</translation>
        </message>
        <message>
            <source>Conversation status</source>
            <translation>Estado de la conversación</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Responder</translation>
        </message>
        <message>
            <source>Save a copy…</source>
            <translation>Guardar una copia…</translation>
        </message>
        <message>
            <source>Save a copy</source>
            <translation>Guardar una copia</translation>
        </message>
        <message>
            <source>Could not save the copy to %1.</source>
            <translation>No se pudo guardar la copia en %1.</translation>
        </message>
        <message>
            <source>Kept on this computer: it will be stored and sent when the connection returns.</source>
            <translation>Guardado en este ordenador: se almacenará y enviará cuando vuelva la conexión.</translation>
        </message>
        <message>
            <source>Send it again</source>
            <translation>Enviarlo de nuevo</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::UndoToast</name>
        <message>
            <source>Undo</source>
            <translation>Deshacer</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::WebhookPage</name>
        <message>
            <source>Where Meta sends your messages</source>
            <translation>Adónde envía Meta tus mensajes</translation>
        </message>
        <message>
            <source>WhatsApp delivers customers' messages to an address on the internet (a "webhook"). Choose which machine receives them.</source>
            <translation>WhatsApp entrega los mensajes de los clientes a una dirección en internet (un «webhook»). Elige qué equipo los recibe.</translation>
        </message>
        <message>
            <source>This computer, while Mostrador is open</source>
            <translation>Este ordenador, mientras Mostrador esté abierto</translation>
        </message>
        <message>
            <source>mostrador-server on an always-on machine (recommended for a shop that closes this PC at night)</source>
            <translation>mostrador-server en un equipo siempre encendido (recomendado si la tienda apaga este PC por la noche)</translation>
        </message>
        <message>
            <source>Start receiving</source>
            <translation>Empezar a recibir</translation>
        </message>
        <message>
            <source>Meta's verification request: not yet.</source>
            <translation>Solicitud de verificación de Meta: todavía no.</translation>
        </message>
        <message>
            <source>Signed events: none yet.</source>
            <translation>Eventos firmados: ninguno todavía.</translation>
        </message>
        <message>
            <source>Port on this computer:</source>
            <translation>Puerto en este ordenador:</translation>
        </message>
        <message>
            <source>Verify token:</source>
            <translation>Token de verificación:</translation>
        </message>
        <message>
            <source>Then, in Meta's dashboard (WhatsApp ▸ Configuration ▸ Webhook ▸ Edit): paste the callback URL and the verify token, press Verify and save, and subscribe to the "messages" field. Meta only calls https addresses on the internet: expose this port with a tunnel (for example cloudflared tunnel --url http://localhost:PORT) or your router, and paste that address followed by /webhook.</source>
            <translation>Después, en el panel de Meta (WhatsApp ▸ Configuración ▸ Webhook ▸ Editar): pega la URL de devolución de llamada y el token de verificación, pulsa Verificar y guardar, y suscríbete al campo «messages». Meta solo llama a direcciones https de internet: expón este puerto con un túnel (por ejemplo cloudflared tunnel --url http://localhost:PUERTO) o con tu router, y pega esa dirección seguida de /webhook.</translation>
        </message>
        <message>
            <source>Port %1 is in use by another program. Choose another port.</source>
            <translation>Otro programa usa el puerto %1. Elige otro puerto.</translation>
        </message>
        <message>
            <source>Receiving. Callback URL on this network:
%1</source>
            <translation>Recibiendo. URL de devolución de llamada en esta red:
%1</translation>
        </message>
        <message>
            <source>✓ Meta's verification request arrived at %1 and was accepted.</source>
            <translation>✓ La solicitud de verificación de Meta llegó a las %1 y se aceptó.</translation>
        </message>
        <message>
            <source>⚠ A verification request arrived at %1 with another verify token and was refused: paste exactly the one above.</source>
            <translation>⚠ Llegó una solicitud de verificación a las %1 con otro token y se rechazó: pega exactamente el de arriba.</translation>
        </message>
        <message numerus="yes">
            <source>✓ Signed events are flowing: %n received, the last at %1.</source>
            <translation>
                <numerusform>✓ Llegan eventos firmados: %n recibido, el último a las %1.</numerusform>
                <numerusform>✓ Llegan eventos firmados: %n recibidos, el último a las %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>An event arrived with a signature that does not match the app secret. Check the app secret on the previous page.</source>
            <translation>Llegó un evento con una firma que no coincide con la clave secreta de la app. Revisa la clave secreta en la página anterior.</translation>
        </message>
        <message>
            <source>Install Mostrador on the always-on machine, put the same values in /etc/mostrador/mostrador.env (see /usr/share/doc/mostrador/mostrador.env.example; secrets can live in files named by *_FILE) and start it with: systemctl enable --now mostrador-server. Then paste its https address ending in /webhook and this verify token into Meta's dashboard. To see its messages here: on the same machine, open its database with mostrador --db; from other computers, use team mode, where the service and every desktop share one PostgreSQL database (mostrador --db postgres://…, see the guide's team section).</source>
            <translation>Instala Mostrador en la máquina siempre encendida, pon los mismos valores en /etc/mostrador/mostrador.env (consulta /usr/share/doc/mostrador/mostrador.env.example; los secretos pueden ir en archivos indicados con *_FILE) y arráncalo con: systemctl enable --now mostrador-server. Después pega su dirección https terminada en /webhook y este token de verificación en el panel de Meta. Para ver aquí sus mensajes: en la misma máquina, abre su base de datos con mostrador --db; desde otros ordenadores, usa el modo equipo, en el que el servicio y todos los escritorios comparten una base de datos PostgreSQL (mostrador --db postgres://…, consulta la sección de equipo de la guía).</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::WeekEditor</name>
        <message>
            <source>e.g. 09:00-13:00 16:00-20:00</source>
            <translation>p. ej. 09:00-13:00 16:00-20:00</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Cerrado</translation>
        </message>
        <message>
            <source>Opening hours on %1</source>
            <translation>Horario del %1</translation>
        </message>
        <message>
            <source>Time zone of the shop:</source>
            <translation>Zona horaria de la tienda:</translation>
        </message>
        <message>
            <source>Time zone of the shop</source>
            <translation>Zona horaria de la tienda</translation>
        </message>
        <message>
            <source>Closed dates</source>
            <translation>Días cerrados</translation>
        </message>
        <message>
            <source>Date to add as closed</source>
            <translation>Fecha que se añade como cerrada</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Añadir</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>Closed dates (holidays):</source>
            <translation>Días cerrados (festivos):</translation>
        </message>
        <message>
            <source>On vacation from</source>
            <translation>De vacaciones del</translation>
        </message>
        <message>
            <source>First day of the vacation</source>
            <translation>Primer día de vacaciones</translation>
        </message>
        <message>
            <source>Last day of the vacation</source>
            <translation>Último día de vacaciones</translation>
        </message>
        <message>
            <source>to</source>
            <translation>al</translation>
        </message>
        <message>
            <source>Choose the shop's time zone from the list (for example America/Bogota or Europe/Madrid).</source>
            <translation>Elige de la lista la zona horaria de la tienda (por ejemplo America/Bogota o Europe/Madrid).</translation>
        </message>
        <message>
            <source>The vacation ends before it starts.</source>
            <translation>Las vacaciones terminan antes de empezar.</translation>
        </message>
        <message>
            <source>Open now (shop's time). Next opening after this: %1.</source>
            <translation>Abierto ahora (hora de la tienda). Siguiente apertura: %1.</translation>
        </message>
        <message>
            <source>Closed now (shop's time). Opens %1.</source>
            <translation>Cerrado ahora (hora de la tienda). Abre el %1.</translation>
        </message>
        <message>
            <source>Closed now, and no opening in the next year.</source>
            <translation>Cerrado ahora, y sin aperturas en el próximo año.</translation>
        </message>
        <message>
            <source>Closed every day (%1)</source>
            <translation>Cerrado todos los días (%1)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::Workspace</name>
        <message>
            <source>New order</source>
            <translation>Pedido nuevo</translation>
        </message>
        <message>
            <source>Pending payment</source>
            <translation>Pendiente de pago</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Pagado</translation>
        </message>
        <message>
            <source>Shipped</source>
            <translation>Enviado</translation>
        </message>
        <message>
            <source>Follow up</source>
            <translation>Seguimiento</translation>
        </message>
        <message>
            <source>Sending %1…</source>
            <translation>Enviando %1…</translation>
        </message>
        <message>
            <source>Block %1?</source>
            <translation>¿Bloquear a %1?</translation>
        </message>
        <message>
            <source>%1 will not be able to write to the shop, and the shop will not be able to write to them. The conversation stays here. You can unblock them later.</source>
            <translation>%1 no podrá escribir a la tienda, y la tienda no podrá escribirle. La conversación se queda aquí. Puedes desbloquearle más tarde.</translation>
        </message>
        <message>
            <source>Not blocked</source>
            <translation>No se bloqueó</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) or status(es) from WhatsApp could not be stored and were kept aside exactly as they came, with the reason; everything else was stored. Nothing is lost: make a backup and send it to Mostrador's support so they can be looked at.</source>
            <translation>
                <numerusform>%n mensaje o estado de WhatsApp no se pudo guardar y se apartó tal como llegó, con el motivo; todo lo demás se guardó. No se ha perdido nada: haz una copia de seguridad y envíala al soporte de Mostrador para que lo revisen.</numerusform>
                <numerusform>%n mensajes o estados de WhatsApp no se pudieron guardar y se apartaron tal como llegaron, con el motivo; todo lo demás se guardó. No se ha perdido nada: haz una copia de seguridad y envíala al soporte de Mostrador para que los revisen.</numerusform>
            </translation>
        </message>
        <message>
            <source>Resolved: %1</source>
            <translation>Resuelta: %1</translation>
        </message>
        <message>
            <source>Read here, but the customer will not see it as read: %1</source>
            <translation>Leído aquí, pero el cliente no lo verá como leído: %1</translation>
        </message>
        <message>
            <source>The conversation's status was not changed: %1</source>
            <translation>No se cambió el estado de la conversación: %1</translation>
        </message>
        <message>
            <source>The order labels could not be created: %1</source>
            <translation>No se pudieron crear las etiquetas de pedidos: %1</translation>
        </message>
        <message>
            <source>The promotion was sent, but it could not be noted that it went past the customer's no: %1</source>
            <translation>La promoción se envió, pero no se pudo anotar que fue en contra del «no» del cliente: %1</translation>
        </message>
    </context>
    <context>
        <name>OpeningHours</name>
        <message>
            <source>Unknown time zone; use a name such as America/Bogota or Europe/Madrid.</source>
            <translation>Zona horaria desconocida; usa un nombre como America/Bogota o Europe/Madrid.</translation>
        </message>
        <message>
            <source>"%1" is not a day or a range of days such as mon-fri.</source>
            <translation>«%1» no es un día ni un rango de días como lun-vie.</translation>
        </message>
        <message>
            <source>"%1" is not a time span such as 09:00-13:00.</source>
            <translation>«%1» no es un horario como 09:00-13:00.</translation>
        </message>
        <message>
            <source>%1 overlaps %2: a day's hours must not cross.</source>
            <translation>%1 se solapa con %2: las franjas de un día no pueden cruzarse.</translation>
        </message>
        <message>
            <source>Write the hours, for example 09:00-13:00 16:00-20:00.</source>
            <translation>Escribe el horario, por ejemplo 09:00-13:00 16:00-20:00.</translation>
        </message>
        <message>
            <source>%1 does not exist.</source>
            <translation>%1 no existe.</translation>
        </message>
        <message>
            <source>%1 closes before it opens.</source>
            <translation>%1 cierra antes de abrir.</translation>
        </message>
    </context>
    <context>
        <name>PhoneNumbers</name>
        <message>
            <source>Type a phone number, with its country code if it is from another country (for example +52 55 1234 5678).</source>
            <translation>Escribe un número de teléfono, con su código de país si es de otro país (por ejemplo +52 55 1234 5678).</translation>
        </message>
        <message>
            <source>%1 does not look like a phone number.</source>
            <translation>%1 no parece un número de teléfono.</translation>
        </message>
        <message>
            <source>%1 does not look like a phone number. If it is from another country, start with + and its country code.</source>
            <translation>%1 no parece un número de teléfono. Si es de otro país, empieza con + y su código de país.</translation>
        </message>
        <message>
            <source>%1 has too few or too many digits for a phone number of that country.</source>
            <translation>%1 tiene pocos o demasiados dígitos para un número de teléfono de ese país.</translation>
        </message>
    </context>
    <context>
        <name>PriceText</name>
        <message>
            <source>Marketing</source>
            <translation>Marketing</translation>
        </message>
        <message>
            <source>Utility</source>
            <translation>Utilidad</translation>
        </message>
        <message>
            <source>Authentication</source>
            <translation>Autenticación</translation>
        </message>
        <message>
            <source>Authentication (international)</source>
            <translation>Autenticación (internacional)</translation>
        </message>
        <message>
            <source>Service (replies)</source>
            <translation>Servicio (respuestas)</translation>
        </message>
    </context>
    <context>
        <name>ProfileRules</name>
        <message>
            <source>Other</source>
            <translation>Otro</translation>
        </message>
        <message>
            <source>Automotive</source>
            <translation>Automoción</translation>
        </message>
        <message>
            <source>Beauty, spa and salon</source>
            <translation>Belleza, spa y peluquería</translation>
        </message>
        <message>
            <source>Clothing and apparel</source>
            <translation>Ropa y complementos</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>Educación</translation>
        </message>
        <message>
            <source>Entertainment</source>
            <translation>Entretenimiento</translation>
        </message>
        <message>
            <source>Event planning and service</source>
            <translation>Organización de eventos</translation>
        </message>
        <message>
            <source>Finance and banking</source>
            <translation>Finanzas y banca</translation>
        </message>
        <message>
            <source>Food and grocery</source>
            <translation>Alimentación y supermercado</translation>
        </message>
        <message>
            <source>Public service</source>
            <translation>Servicio público</translation>
        </message>
        <message>
            <source>Hotel and lodging</source>
            <translation>Hotel y alojamiento</translation>
        </message>
        <message>
            <source>Medical and health</source>
            <translation>Medicina y salud</translation>
        </message>
        <message>
            <source>Non-profit</source>
            <translation>Sin ánimo de lucro</translation>
        </message>
        <message>
            <source>Professional services</source>
            <translation>Servicios profesionales</translation>
        </message>
        <message>
            <source>Shopping and retail</source>
            <translation>Compras y tiendas</translation>
        </message>
        <message>
            <source>Travel and transportation</source>
            <translation>Viajes y transporte</translation>
        </message>
        <message>
            <source>Restaurant</source>
            <translation>Restaurante</translation>
        </message>
        <message>
            <source>Alcoholic beverages</source>
            <translation>Bebidas alcohólicas</translation>
        </message>
        <message>
            <source>Online gambling and gaming</source>
            <translation>Apuestas y juegos en línea</translation>
        </message>
        <message>
            <source>Non-online gambling and gaming</source>
            <translation>Apuestas y juegos presenciales</translation>
        </message>
        <message>
            <source>Over-the-counter drugs</source>
            <translation>Medicamentos sin receta</translation>
        </message>
        <message>
            <source>The About text cannot be empty; customers see it under the shop's name.</source>
            <translation>La información no puede estar vacía; los clientes la ven bajo el nombre de la tienda.</translation>
        </message>
        <message>
            <source>About: %1 characters, at most %2.</source>
            <translation>Info.: %1 caracteres, como mucho %2.</translation>
        </message>
        <message>
            <source>Address: %1 characters, at most %2.</source>
            <translation>Dirección: %1 caracteres, como mucho %2.</translation>
        </message>
        <message>
            <source>Description: %1 characters, at most %2.</source>
            <translation>Descripción: %1 caracteres, como mucho %2.</translation>
        </message>
        <message>
            <source>Description: past %1 characters some WhatsApp versions cut it short.</source>
            <translation>Descripción: pasados %1 caracteres algunas versiones de WhatsApp la cortan.</translation>
        </message>
        <message>
            <source>Email: %1 characters, at most %2.</source>
            <translation>Correo: %1 caracteres, como mucho %2.</translation>
        </message>
        <message>
            <source>Email: "%1" is not an email address such as hola@mitienda.com.</source>
            <translation>Correo: «%1» no es una dirección de correo como hola@mitienda.com.</translation>
        </message>
        <message>
            <source>At most %1 websites.</source>
            <translation>Como mucho %1 sitios web.</translation>
        </message>
        <message>
            <source>Website: %1 characters, at most %2.</source>
            <translation>Sitio web: %1 caracteres, como mucho %2.</translation>
        </message>
        <message>
            <source>Website: "%1" must start with https:// (or http://).</source>
            <translation>Sitio web: «%1» tiene que empezar por https:// (o http://).</translation>
        </message>
        <message>
            <source>Category: "%1" is not one WhatsApp knows.</source>
            <translation>Categoría: WhatsApp no conoce «%1».</translation>
        </message>
    </context>
    <context>
        <name>QuickReplyExchange</name>
        <message>
            <source>This is not a file of quick replies exported by Mostrador.</source>
            <translation>Este no es un archivo de respuestas rápidas exportado por Mostrador.</translation>
        </message>
        <message>
            <source>Reply number %1 in the file has no shortcut or no text.</source>
            <translation>A la respuesta número %1 del archivo le falta el atajo o el texto.</translation>
        </message>
        <message>
            <source>The file could not be read as CSV (a quote is never closed).</source>
            <translation>El archivo no se pudo leer como CSV (unas comillas no se cierran).</translation>
        </message>
        <message>
            <source>The first line of the CSV file must name the columns: shortcut, title, text.</source>
            <translation>La primera línea del CSV tiene que nombrar las columnas: shortcut, title, text.</translation>
        </message>
        <message>
            <source>Row %1 of the CSV file has no shortcut or no text.</source>
            <translation>A la fila %1 del CSV le falta el atajo o el texto.</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>No se pudo abrir %1: %2</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>No se pudo guardar %1: %2</translation>
        </message>
        <message>
            <source>The file %1 of /%2 cannot be read: %3</source>
            <translation>No se puede leer el archivo %1 de /%2: %3</translation>
        </message>
    </context>
    <context>
        <name>QuickReplyStore</name>
        <message>
            <source>A quick reply needs a shortcut without spaces (such as envio) and a text.</source>
            <translation>Una respuesta rápida necesita un atajo sin espacios (como envio) y un texto.</translation>
        </message>
        <message>
            <source>There is already a quick reply called /%1.</source>
            <translation>Ya hay una respuesta rápida llamada /%1.</translation>
        </message>
        <message>
            <source>Could not read %1: %2</source>
            <translation>No se pudo leer %1: %2</translation>
        </message>
        <message>
            <source>Could not keep a copy of %1 in %2: %3</source>
            <translation>No se pudo guardar una copia de %1 en %2: %3</translation>
        </message>
    </context>
    <context>
        <name>RateCard</name>
        <message>
            <source>Line %1: the first row must name the columns, starting with "country".</source>
            <translation>Línea %1: la primera fila debe nombrar las columnas, empezando por «country».</translation>
        </message>
        <message>
            <source>Line %1: "%2" is not a two-letter country code (or * for the rest).</source>
            <translation>Línea %1: «%2» no es un código de país de dos letras (ni * para el resto).</translation>
        </message>
        <message>
            <source>Line %1: "%2" is not a price.</source>
            <translation>Línea %1: «%2» no es un precio.</translation>
        </message>
        <message>
            <source>The rate card has no prices.</source>
            <translation>La tarifa no tiene precios.</translation>
        </message>
        <message>
            <source>The rate card %1 could not be read: %2</source>
            <translation>No se pudo leer la tarifa %1: %2</translation>
        </message>
        <message>
            <source>The rate card %1 was not used. %2</source>
            <translation>No se usó la tarifa %1. %2</translation>
        </message>
        <message>
            <source>The shop's rate card was not used. %1</source>
            <translation>No se usó la tarifa de la tienda. %1</translation>
        </message>
        <message>
            <source>The shop's rate card could not be read: %1</source>
            <translation>No se pudieron leer las tarifas de la tienda: %1</translation>
        </message>
        <message>
            <source>%1 could not be read: %2</source>
            <translation>No se pudo leer %1: %2</translation>
        </message>
    </context>
    <context>
        <name>ReportCharts</name>
        <message>
            <source>From customers</source>
            <translation>De los clientes</translation>
        </message>
        <message>
            <source>From the shop</source>
            <translation>De la tienda</translation>
        </message>
        <message>
            <source>%1: %2 %3</source>
            <translation>%1: %2 %3</translation>
        </message>
        <message>
            <source>Messages per day</source>
            <translation>Mensajes por día</translation>
        </message>
        <message>
            <source>Median reply time (minutes)</source>
            <translation>Mediana del tiempo de respuesta (minutos)</translation>
        </message>
        <message numerus="yes">
            <source>%1: median %2 over %n wait(s)</source>
            <translation>
                <numerusform>%1: mediana %2 en %n espera</numerusform>
                <numerusform>%1: mediana %2 en %n esperas</numerusform>
            </translation>
        </message>
        <message>
            <source>Reply time per day</source>
            <translation>Tiempo de respuesta por día</translation>
        </message>
        <message>
            <source>minutes</source>
            <translation>minutos</translation>
        </message>
        <message>
            <source>%1, %2: %3</source>
            <translation>%1, %2: %3</translation>
        </message>
        <message>
            <source>WhatsApp costs per month (%1)</source>
            <translation>Costes de WhatsApp por mes (%1)</translation>
        </message>
        <message>
            <source>Median reply time (hours)</source>
            <translation>Mediana del tiempo de respuesta (horas)</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>horas</translation>
        </message>
    </context>
    <context>
        <name>ReportText</name>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 h %2 min</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 h</translation>
        </message>
        <message>
            <source>%1 d %2 h</source>
            <translation>%1 d %2 h</translation>
        </message>
        <message>
            <source>%1 d</source>
            <translation>%1 d</translation>
        </message>
        <message>
            <source>same as the previous period</source>
            <translation>igual que el periodo anterior</translation>
        </message>
        <message>
            <source>▲ %1 % vs the previous period</source>
            <translation>▲ %1 % frente al periodo anterior</translation>
        </message>
        <message>
            <source>▼ %1 % vs the previous period</source>
            <translation>▼ %1 % frente al periodo anterior</translation>
        </message>
    </context>
    <context>
        <name>SafeFileName</name>
        <message>
            <source>the file's name "%1" has nothing a file name can be</source>
            <translation>el nombre de archivo «%1» no tiene nada que pueda ser un nombre de archivo</translation>
        </message>
        <message>
            <source>the file's name had characters a file name cannot have; read as "%1"</source>
            <translation>el nombre del archivo tenía caracteres que un nombre de archivo no puede tener; se leyó como «%1»</translation>
        </message>
        <message>
            <source>the file's name "%1" was read as "%2"</source>
            <translation>el nombre de archivo «%1» se leyó como «%2»</translation>
        </message>
    </context>
    <context>
        <name>ServerCommandLine</name>
        <message>
            <source>Unknown command "%1". Run with --help to see the commands.</source>
            <translation>Orden desconocida «%1». Ejecuta con --help para ver las órdenes.</translation>
        </message>
        <message>
            <source>Error: %1</source>
            <translation>Error: %1</translation>
        </message>
        <message>
            <source>Run mostrador-server --help for the commands and their settings.</source>
            <translation>Ejecuta mostrador-server --help para ver las órdenes y sus ajustes.</translation>
        </message>
        <message>
            <source>Error: there is no Mostrador database at %1.</source>
            <translation>Error: no hay ninguna base de datos de Mostrador en %1.</translation>
        </message>
        <message>
            <source>(%1: %2)</source>
            <translation>(%1: %2)</translation>
        </message>
        <message>
            <source>Writes every stored message, one per line, as JSON Lines or CSV.</source>
            <translation>Escribe todos los mensajes guardados, uno por línea, en JSON Lines o CSV.</translation>
        </message>
        <message>
            <source>The database: a file path or postgres://…</source>
            <translation>La base de datos: la ruta de un archivo o postgres://…</translation>
        </message>
        <message>
            <source>jsonl or csv.</source>
            <translation>jsonl o csv.</translation>
        </message>
        <message>
            <source>Write to this file instead of the standard output.</source>
            <translation>Escribe en este archivo en lugar de en la salida estándar.</translation>
        </message>
        <message>
            <source>--db is required.</source>
            <translation>Falta --db.</translation>
        </message>
        <message>
            <source>--format must be jsonl or csv, not "%1".</source>
            <translation>--format debe ser jsonl o csv, no «%1».</translation>
        </message>
        <message>
            <source>Error: cannot write %1: %2</source>
            <translation>Error: no se puede escribir %1: %2</translation>
        </message>
        <message>
            <source>Error: the export stopped: %1</source>
            <translation>Error: la exportación se detuvo: %1</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n message(s).</source>
            <translation>
                <numerusform>Exportado %n mensaje.</numerusform>
                <numerusform>Exportados %n mensajes.</numerusform>
            </translation>
        </message>
        <message>
            <source>A pretend WhatsApp Cloud API on this computer, with customers who write in. Signs its webhooks with MOSTRADOR_APP_SECRET and accepts MOSTRADOR_ACCESS_TOKEN (default: sandbox-token).</source>
            <translation>Una API de WhatsApp Cloud de prueba en este ordenador, con clientes que escriben. Firma sus webhooks con MOSTRADOR_APP_SECRET y acepta MOSTRADOR_ACCESS_TOKEN (por defecto: sandbox-token).</translation>
        </message>
        <message>
            <source>Where to listen, as HOST:PORT.</source>
            <translation>Dónde escuchar, como HOST:PUERTO.</translation>
        </message>
        <message>
            <source>Where to send webhooks (the receiver's URL).</source>
            <translation>Adónde enviar los webhooks (la URL del receptor).</translation>
        </message>
        <message>
            <source>Customer messages per minute (0: none).</source>
            <translation>Mensajes de clientes por minuto (0: ninguno).</translation>
        </message>
        <message>
            <source>--listen must look like 127.0.0.1:8090, not "%1".</source>
            <translation>--listen debe tener la forma 127.0.0.1:8090, no «%1».</translation>
        </message>
        <message>
            <source>--webhook must be the receiver's http(s) URL, such as http://127.0.0.1:8080/webhook.</source>
            <translation>--webhook debe ser la URL http(s) del receptor, por ejemplo http://127.0.0.1:8080/webhook.</translation>
        </message>
        <message>
            <source>--pace must be a number of messages per minute.</source>
            <translation>--pace debe ser un número de mensajes por minuto.</translation>
        </message>
        <message>
            <source>Error: cannot listen on %1:%2; is another program using that port?</source>
            <translation>Error: no se puede escuchar en %1:%2; ¿otro programa está usando ese puerto?</translation>
        </message>
        <message>
            <source>Sandbox Cloud API at %1/%2 — phone number id %3, WhatsApp Business Account id %4</source>
            <translation>API Cloud de prueba en %1/%2 — id del número %3, id de la cuenta de WhatsApp Business %4</translation>
        </message>
        <message>
            <source>Signed webhooks go to %1</source>
            <translation>Los webhooks firmados van a %1</translation>
        </message>
        <message>
            <source>Sends one WhatsApp message and records it in the database. Needs MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_PHONE_NUMBER_ID; MOSTRADOR_GRAPH_URL points it elsewhere (the sandbox).</source>
            <translation>Envía un mensaje de WhatsApp y lo guarda en la base de datos. Necesita MOSTRADOR_ACCESS_TOKEN y MOSTRADOR_PHONE_NUMBER_ID; MOSTRADOR_GRAPH_URL lo dirige a otro sitio (la API de prueba).</translation>
        </message>
        <message>
            <source>The text to send (only within 24 hours of the customer's last message).</source>
            <translation>El texto que se envía (solo dentro de las 24 horas siguientes al último mensaje del cliente).</translation>
        </message>
        <message>
            <source>An approved template's name.</source>
            <translation>El nombre de una plantilla aprobada.</translation>
        </message>
        <message>
            <source>The template's language code, such as es or en_US.</source>
            <translation>El código de idioma de la plantilla, como es o en_US.</translation>
        </message>
        <message>
            <source>A template body parameter; repeat for {{1}}, {{2}}, …</source>
            <translation>Un parámetro del cuerpo de la plantilla; repítelo para {{1}}, {{2}}, …</translation>
        </message>
        <message>
            <source>--to is required.</source>
            <translation>Falta --to.</translation>
        </message>
        <message>
            <source>Give either --text or --template (one of them).</source>
            <translation>Indica --text o --template (uno de los dos).</translation>
        </message>
        <message>
            <source>--template needs --lang.</source>
            <translation>--template necesita --lang.</translation>
        </message>
        <message>
            <source>Not sent [%1, code %2]: %3</source>
            <translation>No enviado [%1, código %2]: %3</translation>
        </message>
        <message>
            <source>Receives WhatsApp webhooks into the database. Needs MOSTRADOR_APP_SECRET, MOSTRADOR_VERIFY_TOKEN, MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_PHONE_NUMBER_ID (or the same names ending in _FILE).</source>
            <translation>Recibe los webhooks de WhatsApp en la base de datos. Necesita MOSTRADOR_APP_SECRET, MOSTRADOR_VERIFY_TOKEN, MOSTRADOR_ACCESS_TOKEN y MOSTRADOR_PHONE_NUMBER_ID (o los mismos nombres terminados en _FILE).</translation>
        </message>
        <message>
            <source>--db is required: where to keep the messages.</source>
            <translation>Falta --db: dónde guardar los mensajes.</translation>
        </message>
        <message>
            <source>--listen must look like 127.0.0.1:8080, not "%1".</source>
            <translation>--listen debe tener la forma 127.0.0.1:8080, no «%1».</translation>
        </message>
        <message>
            <source>Receiving webhooks at http://%1:%2/webhook (health: /healthz), storing in %3</source>
            <translation>Recibiendo webhooks en http://%1:%2/webhook (estado: /healthz), guardando en %3</translation>
        </message>
        <message numerus="yes">
            <source>Stopped. %n webhook(s) stored.</source>
            <translation>
                <numerusform>Detenido. %n webhook guardado.</numerusform>
                <numerusform>Detenido. %n webhooks guardados.</numerusform>
            </translation>
        </message>
        <message>
            <source>Writes a consistent copy of the database (safe while the service runs) and keeps the newest ones.</source>
            <translation>Escribe una copia coherente de la base de datos (sin riesgo aunque el servicio esté en marcha) y conserva las más recientes.</translation>
        </message>
        <message>
            <source>The database file.</source>
            <translation>El archivo de la base de datos.</translation>
        </message>
        <message>
            <source>The folder for backups (default: backups beside the database).</source>
            <translation>La carpeta de las copias (por defecto: backups junto a la base de datos).</translation>
        </message>
        <message>
            <source>How many backups to keep.</source>
            <translation>Cuántas copias conservar.</translation>
        </message>
        <message>
            <source>--keep must be a whole number of at least 1.</source>
            <translation>--keep debe ser un número entero de al menos 1.</translation>
        </message>
        <message>
            <source>Error: the backup failed: %1</source>
            <translation>Error: la copia de seguridad falló: %1</translation>
        </message>
        <message>
            <source>Puts a backup in place of the database. Stop the service first; the current file is kept as .before-restore.</source>
            <translation>Pone una copia de seguridad en lugar de la base de datos. Detén antes el servicio; el archivo actual se conserva como .before-restore.</translation>
        </message>
        <message>
            <source>The backup file to restore.</source>
            <translation>La copia de seguridad que se restaura.</translation>
        </message>
        <message>
            <source>--from is required: which backup to restore.</source>
            <translation>Falta --from: qué copia de seguridad restaurar.</translation>
        </message>
        <message>
            <source>Error: nothing was changed: %1</source>
            <translation>Error: no se ha cambiado nada: %1</translation>
        </message>
        <message>
            <source>Restored %1 from %2.</source>
            <translation>%1 restaurada desde %2.</translation>
        </message>
        <message>
            <source>Do not make the daily backup (in backups/ beside the database).</source>
            <translation>No hacer la copia de seguridad diaria (en backups/ junto a la base de datos).</translation>
        </message>
        <message>
            <source>away message outside opening hours (%1)</source>
            <translation>mensaje de ausencia fuera del horario (%1)</translation>
        </message>
        <message>
            <source>greeting for new customers</source>
            <translation>saludo a clientes nuevos</translation>
        </message>
        <message>
            <source>Automatic replies are on, sent from here: %1.</source>
            <translation>Las respuestas automáticas están activas y se envían desde aquí: %1.</translation>
        </message>
        <message>
            <source>Automatic replies are off (choose this service in the desktop's Shop menu, or set MOSTRADOR_AWAY_MESSAGE or MOSTRADOR_GREETING_MESSAGE).</source>
            <translation>Las respuestas automáticas están apagadas (elige este servicio en el menú Tienda del escritorio, o define MOSTRADOR_AWAY_MESSAGE o MOSTRADOR_GREETING_MESSAGE).</translation>
        </message>
        <message>
            <source>Where customers' photos and files go (default: media/ beside a database file).</source>
            <translation>Dónde se guardan las fotos y archivos de los clientes (por defecto: media/ junto al archivo de la base de datos).</translation>
        </message>
        <message>
            <source>(%1)</source>
            <translation>(%1)</translation>
        </message>
        <message>
            <source>The customer: a phone number in any form people write it (the shop's country by default, or MOSTRADOR_COUNTRY), or their WhatsApp user id.</source>
            <translation>El cliente: un número de teléfono escrito de cualquier forma (del país de la tienda si no lleva código, o de MOSTRADOR_COUNTRY), o su identificador de WhatsApp.</translation>
        </message>
        <message>
            <source>mostrador-server customer export --db PATH --customer ID [--output FILE.zip]
    Writes everything kept about one customer (right of access) as a ZIP.
mostrador-server customer forget --db PATH --customer ID --yes
    Removes everything kept about one customer (right to erasure).</source>
            <translation>mostrador-server customer export --db RUTA --customer ID [--output ARCHIVO.zip]
    Escribe en un ZIP todo lo que se guarda de un cliente (derecho de acceso).
mostrador-server customer forget --db RUTA --customer ID --yes
    Borra todo lo que se guarda de un cliente (derecho de supresión).</translation>
        </message>
        <message>
            <source>customer needs export or forget.</source>
            <translation>customer necesita export o forget.</translation>
        </message>
        <message>
            <source>Removes a customer's messages, files, notes, labels and conversations from the store and the media folder. Backups made before keep them until they are rotated away.</source>
            <translation>Borra los mensajes, archivos, notas, etiquetas y conversaciones de un cliente de la base de datos y de la carpeta de archivos. Las copias de seguridad anteriores los conservan hasta que se sustituyen.</translation>
        </message>
        <message>
            <source>Writes everything the store keeps about one customer (who they are to the shop, their conversations, team notes and files) as a ZIP with customer.json and a files folder.</source>
            <translation>Escribe todo lo que la base de datos guarda de un cliente (quién es para la tienda, sus conversaciones, las notas del equipo y sus archivos) en un ZIP con customer.json y una carpeta files.</translation>
        </message>
        <message>
            <source>Their WhatsApp number (as people write it), business-scoped id, or @username.</source>
            <translation>Su número de WhatsApp (como lo escriba la gente), su id de empresa o su @usuario.</translation>
        </message>
        <message>
            <source>The ZIP to write (default: customer-ID.zip here).</source>
            <translation>El ZIP que se escribe (por omisión: customer-ID.zip aquí).</translation>
        </message>
        <message>
            <source>Confirms the removal: it cannot be undone.</source>
            <translation>Confirma el borrado: no se puede deshacer.</translation>
        </message>
        <message>
            <source>--customer is required: their number, business-scoped id or @username.</source>
            <translation>Falta --customer: su número, su id de empresa o su @usuario.</translation>
        </message>
        <message>
            <source>--yes is required: forgetting a customer cannot be undone.</source>
            <translation>Falta --yes: olvidar a un cliente no se puede deshacer.</translation>
        </message>
        <message>
            <source>Error: no customer %1 in this store.</source>
            <translation>Error: no hay ningún cliente %1 en esta base de datos.</translation>
        </message>
        <message>
            <source>Error: nothing was removed: %1</source>
            <translation>Error: no se borró nada: %1</translation>
        </message>
        <message>
            <source>Forgot %1: %2 conversations, %3 messages, %4 files. Backups made before now still hold them until they are rotated away.</source>
            <translation>Olvidado %1: %2 conversaciones, %3 mensajes, %4 archivos. Las copias de seguridad anteriores aún los guardan hasta que se sustituyan.</translation>
        </message>
        <message>
            <source>Wrote %1: %2 messages, %3 files.</source>
            <translation>Escrito %1: %2 mensajes, %3 archivos.</translation>
        </message>
        <message>
            <source>Prints how the shop is doing over a period: reply times, unanswered and lost chats, messages by origin, closed hours, ads and what WhatsApp costs.</source>
            <translation>Muestra cómo le va a la tienda en un periodo: tiempos de respuesta, chats sin respuesta y perdidos, mensajes por origen, horas de cierre, anuncios y lo que cuesta WhatsApp.</translation>
        </message>
        <message>
            <source>First day (YYYY-MM-DD); 29 days before --to when not given.</source>
            <translation>Primer día (AAAA-MM-DD); si no se indica, 29 días antes de --to.</translation>
        </message>
        <message>
            <source>Last day, included (YYYY-MM-DD); today when not given.</source>
            <translation>Último día, incluido (AAAA-MM-DD); si no se indica, hoy.</translation>
        </message>
        <message>
            <source>Time zone of days and hours (e.g. America/Bogota); the shop's when not given.</source>
            <translation>Zona horaria de los días y las horas (p. ej. America/Bogota); si no se indica, la de la tienda.</translation>
        </message>
        <message>
            <source>json or csv.</source>
            <translation>json o csv.</translation>
        </message>
        <message>
            <source>Price messages with this CSV instead of the shop's rate card.</source>
            <translation>Calcular el precio de los mensajes con este CSV en vez de la tarifa de la tienda.</translation>
        </message>
        <message>
            <source>--format must be json or csv, not "%1".</source>
            <translation>--format debe ser json o csv, no «%1».</translation>
        </message>
        <message>
            <source>--%1 must be a date written YYYY-MM-DD, not "%2".</source>
            <translation>--%1 debe ser una fecha escrita AAAA-MM-DD, no «%2».</translation>
        </message>
        <message>
            <source>--tz: "%1" is not a time zone this computer knows (e.g. Europe/Madrid, America/Bogota).</source>
            <translation>--tz: «%1» no es una zona horaria que este equipo conozca (p. ej. Europe/Madrid, America/Bogota).</translation>
        </message>
        <message>
            <source>--from (%1) is after --to (%2).</source>
            <translation>--from (%1) es posterior a --to (%2).</translation>
        </message>
        <message>
            <source>Error: the report could not be read from the store: %1</source>
            <translation>Error: no se pudo leer el informe de la base de datos: %1</translation>
        </message>
        <message>
            <source>mostrador-server team add-agent --db URL --name NAME
    Gives a person their own sign-in to the team's database and prints it once.
mostrador-server team remove-agent --db URL --name NAME
    Ends that person's access at once; what they wrote stays.
mostrador-server team add-server --db URL
    Gives mostrador-server its own sign-in (for MOSTRADOR_DB) and prints it once.</source>
            <translation>mostrador-server team add-agent --db URL --name NOMBRE
    Da a una persona su propio acceso a la base de datos del equipo y lo muestra una vez.
mostrador-server team remove-agent --db URL --name NOMBRE
    Quita el acceso a esa persona al momento; lo que escribió se queda.
mostrador-server team add-server --db URL
    Da a mostrador-server su propio acceso (para MOSTRADOR_DB) y lo muestra una vez.</translation>
        </message>
        <message>
            <source>team needs add-agent, remove-agent or add-server.</source>
            <translation>team necesita add-agent, remove-agent o add-server.</translation>
        </message>
        <message>
            <source>Gives mostrador-server its own sign-in to the team's database: all of the shop's data, none of the schema or the team's rights. Prints the address for MOSTRADOR_DB once; run again to change its password.</source>
            <translation>Da a mostrador-server su propio acceso a la base de datos del equipo: todos los datos de la tienda, pero ni el esquema ni los permisos del equipo. Muestra una vez la dirección para MOSTRADOR_DB; vuelve a ejecutarlo para cambiar su contraseña.</translation>
        </message>
        <message>
            <source>Gives a person their own sign-in to the team's database (a PostgreSQL role that may answer customers but not change the shop's settings, automation, quick replies or team, nor delete history) and prints the address to give them, once.</source>
            <translation>Da a una persona su propio acceso a la base de datos del equipo (un rol de PostgreSQL que puede atender a los clientes pero no cambiar los ajustes de la tienda, las respuestas automáticas o rápidas ni el equipo, ni borrar el historial) y muestra, una sola vez, la dirección que hay que darle.</translation>
        </message>
        <message>
            <source>Ends a person's access to the team's database at once: their open sessions are closed and their sign-in removed. What they wrote stays, under their name.</source>
            <translation>Quita al momento el acceso de una persona a la base de datos del equipo: se cierran sus sesiones abiertas y se borra su acceso. Lo que escribió se queda, con su nombre.</translation>
        </message>
        <message>
            <source>The team's database, with the owner's sign-in: postgres://…</source>
            <translation>La base de datos del equipo, con el acceso del dueño: postgres://…</translation>
        </message>
        <message>
            <source>The person's name, as the team sees it.</source>
            <translation>El nombre de la persona, como lo ve el equipo.</translation>
        </message>
        <message>
            <source>--db must be the team's PostgreSQL database (postgres://…): a single PC's store has no team.</source>
            <translation>--db debe ser la base de datos PostgreSQL del equipo (postgres://…): la de un solo PC no tiene equipo.</translation>
        </message>
        <message>
            <source>--name is required.</source>
            <translation>Falta --name.</translation>
        </message>
        <message>
            <source>Error: the server's sign-in was not made: %1</source>
            <translation>Error: no se creó el acceso del servidor: %1</translation>
        </message>
        <message>
            <source>mostrador-server's own sign-in. Put it in MOSTRADOR_DB (in /etc/mostrador/mostrador.env) and restart the service:</source>
            <translation>El acceso propio de mostrador-server. Ponlo en MOSTRADOR_DB (en /etc/mostrador/mostrador.env) y reinicia el servicio:</translation>
        </message>
        <message>
            <source>After updating Mostrador, open the store once with the owner's address (the owner's desktop does it) so its tables are brought up to date.</source>
            <translation>Tras actualizar Mostrador, abre la base de datos una vez con la dirección del dueño (lo hace su escritorio) para que sus tablas se pongan al día.</translation>
        </message>
        <message>
            <source>Error: %1 still has access: %2</source>
            <translation>Error: %1 aún tiene acceso: %2</translation>
        </message>
        <message>
            <source>Error: no agent is called "%1".</source>
            <translation>Error: nadie del equipo se llama «%1».</translation>
        </message>
        <message>
            <source>%1 no longer has access to the team's database.</source>
            <translation>%1 ya no tiene acceso a la base de datos del equipo.</translation>
        </message>
        <message>
            <source>Error: %1 was not added: %2</source>
            <translation>Error: no se añadió a %1: %2</translation>
        </message>
        <message>
            <source>Use the owner's sign-in (the one that created the store; it must be allowed to create roles).</source>
            <translation>Usa el acceso del dueño (el que creó la base de datos; debe poder crear roles).</translation>
        </message>
        <message>
            <source>%1 can now sign in to the team's database. Give them this address once, privately (it is not shown again):</source>
            <translation>%1 ya puede entrar en la base de datos del equipo. Dale esta dirección una vez, en privado (no se vuelve a mostrar):</translation>
        </message>
        <message>
            <source>On their PC: mostrador --db "ADDRESS" (the password is then kept in that PC's keychain).</source>
            <translation>En su PC: mostrador --db "DIRECCIÓN" (la contraseña queda guardada en el llavero de ese PC).</translation>
        </message>
        <message>
            <source>Copies the shop's SQLite database into a new, empty PostgreSQL database for team mode, and counts every table on both sides at the end. Stop mostrador-server and close the desktops first; the SQLite file is left as it was.</source>
            <translation>Copia la base de datos SQLite de la tienda a una base de PostgreSQL nueva y vacía para el modo equipo, y al final cuenta cada tabla en los dos lados. Detén antes mostrador-server y cierra los escritorios; el archivo SQLite queda como estaba.</translation>
        </message>
        <message>
            <source>The SQLite database file.</source>
            <translation>El archivo de base de datos SQLite.</translation>
        </message>
        <message>
            <source>The PostgreSQL database (postgres://user:password@host/db).</source>
            <translation>La base de datos PostgreSQL (postgres://usuario:contraseña@host/base).</translation>
        </message>
        <message>
            <source>--from is required.</source>
            <translation>Falta --from.</translation>
        </message>
        <message>
            <source>--to must be a postgres:// address.</source>
            <translation>--to debe ser una dirección postgres://.</translation>
        </message>
        <message>
            <source>--from must be a SQLite database file.</source>
            <translation>--from debe ser un archivo de base de datos SQLite.</translation>
        </message>
        <message>
            <source>Nothing was copied: %1</source>
            <translation>No se copió nada: %1</translation>
        </message>
        <message>
            <source>Nothing was copied (the PostgreSQL database is as it was): %1</source>
            <translation>No se copió nada (la base de PostgreSQL está como estaba): %1</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>ok</translation>
        </message>
        <message>
            <source>DIFFERENT</source>
            <translation>DIFFERENT</translation>
        </message>
        <message>
            <source>Some tables do not hold the same rows on both sides (marked DIFFERENT). Do not use the PostgreSQL database yet; the SQLite file is untouched.</source>
            <translation>Algunas tablas no tienen las mismas filas en los dos lados (marcadas DIFFERENT). No uses todavía la base de PostgreSQL; el archivo SQLite no se ha tocado.</translation>
        </message>
        <message>
            <source>Copied %1 rows in %2 tables in %3 s, counted again on both sides. Start mostrador-server and the desktops with --db %4.</source>
            <translation>Copiadas %1 filas en %2 tablas en %3 s, contadas de nuevo en los dos lados. Arranca mostrador-server y los escritorios con --db %4.</translation>
        </message>
        <message>
            <source>Brings chats exported from the phone (WhatsApp ▸ chat ▸ More ▸ Export chat: a .txt, or a .zip with its media) into the store, marked as imported. Importing the same file again adds nothing; a later export of the same chat adds only the new messages.</source>
            <translation>Trae a la base de datos los chats exportados desde el teléfono (WhatsApp ▸ chat ▸ Más ▸ Exportar chat: un .txt, o un .zip con sus archivos), marcados como importados. Importar el mismo archivo otra vez no añade nada; una exportación posterior del mismo chat solo añade los mensajes nuevos.</translation>
        </message>
        <message>
            <source>The database file or postgres:// address.</source>
            <translation>El archivo de la base de datos o una dirección postgres://.</translation>
        </message>
        <message>
            <source>The shop's name in the chats (its messages are the shop's).</source>
            <translation>El nombre de la tienda en los chats (sus mensajes son los de la tienda).</translation>
        </message>
        <message>
            <source>The customer's number, when importing one chat.</source>
            <translation>El número del cliente, al importar un solo chat.</translation>
        </message>
        <message>
            <source>The time zone the phone was in (default: the shop's).</source>
            <translation>La zona horaria del teléfono (por defecto, la de la tienda).</translation>
        </message>
        <message>
            <source>Where media go (default: media beside the database).</source>
            <translation>Dónde van los archivos (por defecto, media junto a la base de datos).</translation>
        </message>
        <message>
            <source>--me is required: the shop's name as it appears in the chats.</source>
            <translation>Falta --me: el nombre de la tienda tal como aparece en los chats.</translation>
        </message>
        <message>
            <source>Name at least one exported chat.</source>
            <translation>Indica al menos un chat exportado.</translation>
        </message>
        <message>
            <source>--phone goes with one chat only.</source>
            <translation>--phone va con un solo chat.</translation>
        </message>
        <message>
            <source>Nothing was imported. %1</source>
            <translation>No se importó nada. %1</translation>
        </message>
        <message>
            <source>Nothing was imported: %1</source>
            <translation>No se importó nada: %1</translation>
        </message>
        <message>
            <source>Chats: %1</source>
            <translation>Chats: %1</translation>
        </message>
        <message>
            <source>Messages added: %1</source>
            <translation>Mensajes añadidos: %1</translation>
        </message>
        <message>
            <source>Already there: %1</source>
            <translation>Ya estaban: %1</translation>
        </message>
        <message>
            <source>Media kept: %1</source>
            <translation>Archivos guardados: %1</translation>
        </message>
        <message>
            <source>Media not included in the export: %1</source>
            <translation>Archivos no incluidos en la exportación: %1</translation>
        </message>
        <message>
            <source>Lines not understood: %1</source>
            <translation>Líneas no entendidas: %1</translation>
        </message>
        <message>
            <source>The exported chats (.txt or .zip), or folders holding them.</source>
            <translation>Los chats exportados (.txt o .zip), o carpetas que los contengan.</translation>
        </message>
        <message>
            <source>Nothing was imported: no .txt or .zip chat in the folders given.</source>
            <translation>No se importó nada: no hay ningún chat .txt o .zip en las carpetas indicadas.</translation>
        </message>
        <message>
            <source>MOSTRADOR_ACCESS_TOKEN is not set.</source>
            <translation>MOSTRADOR_ACCESS_TOKEN no está definida.</translation>
        </message>
        <message>
            <source>MOSTRADOR_WABA_ID is not set: templates belong to the WhatsApp Business Account.</source>
            <translation>MOSTRADOR_WABA_ID no está definida: las plantillas pertenecen a la cuenta de WhatsApp Business.</translation>
        </message>
        <message>
            <source>Meta did not take it: %1</source>
            <translation>Meta no la aceptó: %1</translation>
        </message>
        <message>
            <source>NAME	LANGUAGE	STATUS	CATEGORY	QUALITY	TEXT</source>
            <translation>NOMBRE	IDIOMA	ESTADO	CATEGORÍA	CALIDAD	TEXTO</translation>
        </message>
        <message>
            <source>Deleted %1, in every language. Meta keeps the name for %2 days: until %3 no new template can use it.</source>
            <translation>%1 borrada, en todos los idiomas. Meta guarda el nombre %2 días: hasta el %3 ninguna plantilla nueva puede usarlo.</translation>
        </message>
        <message>
            <source>The number's message templates: list them with Meta's review, delete one, or create one for review.
  templates list
  templates delete NAME
  templates create --name NAME --lang CODE --category UTILITY|MARKETING|AUTHENTICATION --body TEXT [options]
Needs MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_WABA_ID (and MOSTRADOR_APP_ID for --header-image); MOSTRADOR_GRAPH_URL points it elsewhere (the sandbox).</source>
            <translation>Las plantillas del número: listarlas con la revisión de Meta, borrar una o crear una para revisión.
  templates list
  templates delete NOMBRE
  templates create --name NOMBRE --lang CÓDIGO --category UTILITY|MARKETING|AUTHENTICATION --body TEXTO [opciones]
Necesita MOSTRADOR_ACCESS_TOKEN y MOSTRADOR_WABA_ID (y MOSTRADOR_APP_ID para --header-image); MOSTRADOR_GRAPH_URL la dirige a otro sitio (el sandbox).</translation>
        </message>
        <message>
            <source>The template's name: lowercase letters, digits and underscores.</source>
            <translation>El nombre de la plantilla: minúsculas, cifras y guiones bajos.</translation>
        </message>
        <message>
            <source>Its language code, such as es, en_US or pt_BR.</source>
            <translation>Su código de idioma, como es, en_US o pt_BR.</translation>
        </message>
        <message>
            <source>UTILITY, MARKETING or AUTHENTICATION.</source>
            <translation>UTILITY, MARKETING o AUTHENTICATION.</translation>
        </message>
        <message>
            <source>The message, with variables {{1}}, {{2}}… or {{first_name}}.</source>
            <translation>El mensaje, con variables {{1}}, {{2}}… o {{first_name}}.</translation>
        </message>
        <message>
            <source>An example value for each variable, in order; repeat it.</source>
            <translation>Un valor de ejemplo para cada variable, en orden; repítela.</translation>
        </message>
        <message>
            <source>A header line (60 characters at most).</source>
            <translation>Una línea de encabezado (60 caracteres como mucho).</translation>
        </message>
        <message>
            <source>A header image: its example file (JPEG or PNG).</source>
            <translation>Una imagen de encabezado: su archivo de ejemplo (JPEG o PNG).</translation>
        </message>
        <message>
            <source>A footer line (60 characters at most).</source>
            <translation>Una línea de pie (60 caracteres como mucho).</translation>
        </message>
        <message>
            <source>A button: quick:TEXT, url:TEXT=URL or phone:TEXT=NUMBER; repeat it.</source>
            <translation>Un botón: quick:TEXTO, url:TEXTO=URL o phone:TEXTO=NÚMERO; repítela.</translation>
        </message>
        <message>
            <source>list, delete NAME or create.</source>
            <translation>list, delete NOMBRE o create.</translation>
        </message>
        <message>
            <source>Say what to do: list, delete NAME or create.</source>
            <translation>Di qué hacer: list, delete NOMBRE o create.</translation>
        </message>
        <message>
            <source>delete needs the template's name.</source>
            <translation>delete necesita el nombre de la plantilla.</translation>
        </message>
        <message>
            <source>Give --header-text or --header-image, not both.</source>
            <translation>Da --header-text o --header-image, no los dos.</translation>
        </message>
        <message>
            <source>%1 could not be read: %2</source>
            <translation>No se pudo leer %1: %2</translation>
        </message>
        <message>
            <source>%1 is not a JPEG or PNG image.</source>
            <translation>%1 no es una imagen JPEG ni PNG.</translation>
        </message>
        <message>
            <source>MOSTRADOR_APP_ID is not set: Meta's upload of a header's example needs the app's id.</source>
            <translation>MOSTRADOR_APP_ID no está definida: la subida a Meta del ejemplo del encabezado necesita el id de la app.</translation>
        </message>
        <message>
            <source>Submitted %1 (%2): %3. Meta reviews it, usually within minutes and at most in a day; its answer arrives by webhook and shows in templates list.</source>
            <translation>%1 (%2) enviada: %3. Meta la revisa, normalmente en minutos y como mucho en un día; su respuesta llega por webhook y aparece en templates list.</translation>
        </message>
        <message>
            <source>The templates could not be read from Meta: %1</source>
            <translation>No se pudieron leer las plantillas de Meta: %1</translation>
        </message>
        <message>
            <source>The template %1 (%2) is %3: only approved templates can be sent.</source>
            <translation>La plantilla %1 (%2) está %3: solo se pueden enviar plantillas aprobadas.</translation>
        </message>
        <message>
            <source>The number has no template %1 in %2 (templates list shows them).</source>
            <translation>El número no tiene la plantilla %1 en %2 (templates list las muestra).</translation>
        </message>
        <message>
            <source>--at must be a time in the shop's zone, such as "2026-12-05 10:00" or "10:00", not "%1".</source>
            <translation>--at debe ser una hora en la zona de la tienda, como «2026-12-05 10:00» o «10:00», no «%1».</translation>
        </message>
        <message>
            <source>Sends an approved template to many customers, once each. Prints the audience, who is left out and why, and the estimated cost; without --dry-run sends it and prints the results. A campaign is known by its name: running it again (after a crash or a reboot) goes on where it stopped and never writes twice to anyone. Needs MOSTRADOR_ACCESS_TOKEN, MOSTRADOR_PHONE_NUMBER_ID and MOSTRADOR_WABA_ID.</source>
            <translation>Envía una plantilla aprobada a muchos clientes, una vez a cada uno. Muestra el público, quién queda fuera y por qué, y el coste estimado; sin --dry-run la envía y muestra los resultados. Una campaña se reconoce por su nombre: volver a ejecutarla (tras un fallo o un reinicio) sigue donde se quedó y nunca escribe dos veces a nadie. Necesita MOSTRADOR_ACCESS_TOKEN, MOSTRADOR_PHONE_NUMBER_ID y MOSTRADOR_WABA_ID.</translation>
        </message>
        <message>
            <source>The campaign's name.</source>
            <translation>El nombre de la campaña.</translation>
        </message>
        <message>
            <source>The template's language code, such as es.</source>
            <translation>El código de idioma de la plantilla, como es.</translation>
        </message>
        <message>
            <source>Send to the customers whose conversations carry this label.</source>
            <translation>Enviar a los clientes cuyas conversaciones llevan esta etiqueta.</translation>
        </message>
        <message>
            <source>Send to the customers of a CSV with a phone column (and optional name and variable columns).</source>
            <translation>Enviar a los clientes de un CSV con una columna de teléfono (y, si quieres, columnas de nombre y de variables).</translation>
        </message>
        <message>
            <source>A value for {{1}}, {{2}}…, in order: text, or {first_name}, {name}, {note} or a CSV column as {column}.</source>
            <translation>Un valor para {{1}}, {{2}}…, en orden: un texto, o {first_name}, {name}, {note} o una columna del CSV como {columna}.</translation>
        </message>
        <message>
            <source>At most this many messages a second (the number's throughput by default).</source>
            <translation>Como mucho estos mensajes por segundo (por defecto, el caudal del número).</translation>
        </message>
        <message>
            <source>Send at this time in the shop's zone: "2026-12-05 10:00" or "10:00".</source>
            <translation>Enviar a esta hora de la zona de la tienda: «2026-12-05 10:00» o «10:00».</translation>
        </message>
        <message>
            <source>Only say who would receive it and what it would cost.</source>
            <translation>Solo decir quién la recibiría y cuánto costaría.</translation>
        </message>
        <message>
            <source>After a crash, seconds to wait for Meta's word on messages that were on their way (30).</source>
            <translation>Tras un fallo, segundos de espera a que Meta diga algo de los mensajes que iban de camino (30).</translation>
        </message>
        <message>
            <source>%1 is not set.</source>
            <translation>%1 no está definida.</translation>
        </message>
        <message>
            <source>--%1 is required.</source>
            <translation>Falta --%1.</translation>
        </message>
        <message>
            <source>Give either --label or --customers (one of them).</source>
            <translation>Da --label o --customers (uno de los dos).</translation>
        </message>
        <message>
            <source>--per-second must be a whole number of messages.</source>
            <translation>--per-second debe ser un número entero de mensajes.</translation>
        </message>
        <message>
            <source>--confirm-wait must be a whole number of seconds.</source>
            <translation>--confirm-wait debe ser un número entero de segundos.</translation>
        </message>
        <message>
            <source>The campaign %1 already exists with the template %2 (%3); choose another name.</source>
            <translation>La campaña %1 ya existe con la plantilla %2 (%3); elige otro nombre.</translation>
        </message>
        <message>
            <source>Campaign %1 exists: it goes on where it stopped, and nobody gets it twice.</source>
            <translation>La campaña %1 ya existe: sigue donde se quedó, y nadie la recibe dos veces.</translation>
        </message>
        <message>
            <source>Nobody would receive it: nothing was sent.</source>
            <translation>Nadie la recibiría: no se envió nada.</translation>
        </message>
        <message>
            <source>Waiting until %1 to send.</source>
            <translation>Esperando hasta %1 para enviar.</translation>
        </message>
        <message>
            <source>The number has written first to as many customers as Meta allows in 24 hours; the rest go as the day frees up.</source>
            <translation>El número ya escribió primero a tantos clientes como Meta permite en 24 horas; el resto sale a medida que se libera el día.</translation>
        </message>
        <message>
            <source>unknown country</source>
            <translation>país desconocido</translation>
        </message>
        <message>
            <source>  %1: %2, no price on the rate card</source>
            <translation>  %1: %2, sin precio en las tarifas</translation>
        </message>
        <message>
            <source>Campaign: %1</source>
            <translation>Campaña: %1</translation>
        </message>
        <message>
            <source>Template: %1 (%2, %3)</source>
            <translation>Plantilla: %1 (%2, %3)</translation>
        </message>
        <message>
            <source>Audience: %1</source>
            <translation>Público: %1</translation>
        </message>
        <message>
            <source>Receiving: %1</source>
            <translation>La reciben: %1</translation>
        </message>
        <message>
            <source>Skipped: %1</source>
            <translation>Fuera: %1</translation>
        </message>
        <message>
            <source>Rows not read: %1</source>
            <translation>Filas sin leer: %1</translation>
        </message>
        <message>
            <source>  line %1: %2</source>
            <translation>  línea %1: %2</translation>
        </message>
        <message>
            <source>Estimate: %1 %2 (Meta's rates of %3, %4)</source>
            <translation>Estimación: %1 %2 (tarifas de Meta del %3, %4)</translation>
        </message>
        <message>
            <source>Campaign: %1 (%2)</source>
            <translation>Campaña: %1 (%2)</translation>
        </message>
        <message>
            <source>Waiting: %1</source>
            <translation>Esperando: %1</translation>
        </message>
        <message>
            <source>Sent: %1</source>
            <translation>Enviados: %1</translation>
        </message>
        <message>
            <source>Delivered: %1</source>
            <translation>Entregados: %1</translation>
        </message>
        <message>
            <source>Read: %1</source>
            <translation>Leídos: %1</translation>
        </message>
        <message>
            <source>Replied: %1</source>
            <translation>Respondieron: %1</translation>
        </message>
        <message>
            <source>Failed: %1</source>
            <translation>Fallidos: %1</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>rechazado</translation>
        </message>
        <message>
            <source>Unconfirmed: %1</source>
            <translation>Sin confirmar: %1</translation>
        </message>
        <message>
            <source>  in flight when an earlier run stopped, with no word from Meta since: not sent again, so nobody gets it twice</source>
            <translation>  iban de camino cuando se paró una ejecución anterior, y Meta no dijo nada desde entonces: no se repiten, para que nadie la reciba dos veces</translation>
        </message>
        <message>
            <source>Cost: %1 %2 (Meta's pricing on the statuses, at the rates of %3, %4)</source>
            <translation>Coste: %1 %2 (lo que Meta cobró según los estados, con las tarifas del %3, %4)</translation>
        </message>
        <message>
            <source>Prints the shop's orders, newest first, one per line, as CSV or JSON Lines.</source>
            <translation>Muestra los pedidos de la tienda, los más recientes primero, uno por línea, en CSV o JSON Lines.</translation>
        </message>
        <message>
            <source>csv or jsonl.</source>
            <translation>csv o jsonl.</translation>
        </message>
        <message>
            <source>Only orders at this stage: new, pending_payment, paid, shipped, delivered or cancelled.</source>
            <translation>Solo los pedidos en esta etapa: new, pending_payment, paid, shipped, delivered o cancelled.</translation>
        </message>
        <message>
            <source>--format must be csv or jsonl, not "%1".</source>
            <translation>--format debe ser csv o jsonl, no «%1».</translation>
        </message>
        <message>
            <source>--stage must be new, pending_payment, paid, shipped, delivered or cancelled, not "%1".</source>
            <translation>--stage debe ser new, pending_payment, paid, shipped, delivered o cancelled, no «%1».</translation>
        </message>
        <message>
            <source>Error: the orders could not be read: %1</source>
            <translation>Error: no se pudieron leer los pedidos: %1</translation>
        </message>
        <message>
            <source>Error: the orders could not be written: %1</source>
            <translation>Error: no se pudieron escribir los pedidos: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s).</source>
            <translation>
                <numerusform>%n pedido.</numerusform>
                <numerusform>%n pedidos.</numerusform>
            </translation>
        </message>
        <message>
            <source>Usage: mostrador-server COMMAND [options]

Mostrador's always-on service: receives WhatsApp webhooks, answers automatically and sends the outbox
for a shop whose PC is not always on.

Commands:
  serve     receive webhooks into the database (--db PATH --listen HOST:PORT)
  sandbox   run a pretend Cloud API with simulated customers (--listen HOST:PORT --webhook URL)
  send      send one message (--db PATH --to ID --text T | --template NAME --lang CODE)
  export    write every stored message as JSON Lines or CSV (--db PATH [--format jsonl|csv])
  orders    the shop's orders with their stage, items and total (--db PATH [--format csv|jsonl]
            [--stage STAGE])
  report    how the shop is doing over a period, as JSON or CSV
            (--db PATH [--from DATE] [--to DATE] [--tz ZONE] [--format json|csv])
  import-chat  bring chats exported from the phone into the store
            (--db PATH --me NAME [--phone NUMBER] [--tz ZONE] FILE...)
  backup    copy the database safely, keeping the newest copies (--db PATH [--to FOLDER] [--keep N])
  restore   put a backup in place, with the service stopped (--db PATH --from FILE)
  move-to-postgres  copy the SQLite database into a new PostgreSQL one for team mode
            (--from PATH --to URL)
  customer  one customer's data: export it as a ZIP, or forget it
            (export|forget --db PATH --customer ID)
  team      give a person their own sign-in to the team's database, or end it
            (add-agent|remove-agent --db URL --name NAME)
  templates the number's message templates (list | delete NAME | create --name NAME --lang CODE
            --category UTILITY|MARKETING|AUTHENTICATION --body TEXT [--example V…] [--button …])
  campaign  send an approved template to many customers, once each (--db PATH --name NAME
            --template NAME --lang CODE (--label NAME | --customers FILE.csv) [--dry-run])

mostrador-server COMMAND --help shows a command's options; --version prints the version.</source>
            <translation>Uso: mostrador-server ORDEN [opciones]

El servicio siempre encendido de Mostrador: recibe los webhooks de WhatsApp, responde automáticamente y envía
la bandeja de salida para una tienda cuyo PC no está siempre encendido.

Órdenes:
  serve     recibe webhooks en la base de datos (--db RUTA --listen HOST:PUERTO)
  sandbox   ejecuta una API Cloud de prueba con clientes simulados (--listen HOST:PUERTO --webhook URL)
  send      envía un mensaje (--db RUTA --to ID --text T | --template NOMBRE --lang CÓDIGO)
  export    escribe todos los mensajes guardados en JSON Lines o CSV (--db RUTA [--format jsonl|csv])
  orders    los pedidos de la tienda con su etapa, productos y total (--db RUTA [--format csv|jsonl]
            [--stage ETAPA])
  report    cómo le va a la tienda en un periodo, en JSON o CSV
            (--db RUTA [--from FECHA] [--to FECHA] [--tz ZONA] [--format json|csv])
  import-chat  trae a la base de datos los chats exportados desde el teléfono
            (--db RUTA --me NOMBRE [--phone NÚMERO] [--tz ZONA] ARCHIVO...)
  backup    copia la base de datos sin riesgo, conservando las copias más recientes (--db RUTA [--to CARPETA] [--keep N])
  restore   pone una copia en su lugar, con el servicio detenido (--db RUTA --from ARCHIVO)
  move-to-postgres  copia la base de datos SQLite a una nueva de PostgreSQL para el modo equipo
            (--from RUTA --to URL)
  customer  los datos de un cliente: exportarlos en un ZIP, u olvidarlos
            (export|forget --db RUTA --customer ID)
  team      da a una persona su propio acceso a la base de datos del equipo, o se lo quita
            (add-agent|remove-agent --db URL --name NOMBRE)
  templates las plantillas del número (list | delete NOMBRE | create --name NOMBRE --lang CÓDIGO
            --category UTILITY|MARKETING|AUTHENTICATION --body TEXTO [--example V…] [--button …])
  campaign  envía una plantilla aprobada a muchos clientes, una vez a cada uno (--db RUTA --name NOMBRE
            --template NOMBRE --lang CÓDIGO (--label NOMBRE | --customers ARCHIVO.csv) [--dry-run])

mostrador-server ORDEN --help muestra las opciones de una orden; --version muestra la versión.</translation>
        </message>
        <message>
            <source>Import even when the --me name wrote nothing in a chat (all of it is then the customer's).</source>
            <translation>Importar aunque el nombre de --me no escribiera nada en un chat (entonces todo es del cliente).</translation>
        </message>
        <message>
            <source>Give the shop's name as the chat writes it with --me, or add --force to import it anyway.</source>
            <translation>Da con --me el nombre de la tienda tal como lo escribe el chat, o añade --force para importarlo de todos modos.</translation>
        </message>
        <message>
            <source>There is no import number %1.</source>
            <translation>No hay ninguna importación con el número %1.</translation>
        </message>
        <message>
            <source>No import of "%1" is left to undo.</source>
            <translation>No queda ninguna importación de «%1» por deshacer.</translation>
        </message>
        <message>
            <source>The imports this store knows:</source>
            <translation>Las importaciones que guarda esta base de datos:</translation>
        </message>
        <message>
            <source> (undone)</source>
            <translation> (deshecha)</translation>
        </message>
        <message>
            <source>Nothing was undone: %1</source>
            <translation>No se deshizo nada: %1</translation>
        </message>
        <message>
            <source>Import undone: %1</source>
            <translation>Importación deshecha: %1</translation>
        </message>
        <message>
            <source>Files: %1</source>
            <translation>Archivos: %1</translation>
        </message>
        <message>
            <source>Messages removed: %1</source>
            <translation>Mensajes quitados: %1</translation>
        </message>
        <message>
            <source>Conversations removed: %1</source>
            <translation>Conversaciones quitadas: %1</translation>
        </message>
        <message>
            <source>Customers removed: %1</source>
            <translation>Clientes quitados: %1</translation>
        </message>
        <message>
            <source>Media files removed: %1</source>
            <translation>Archivos multimedia borrados: %1</translation>
        </message>
        <message>
            <source>Take an import out again: its number (printed when it was imported), or the file imported.</source>
            <translation>Deshace una importación: su número (el que se mostró al importar) o el archivo importado.</translation>
        </message>
        <message>
            <source>--undo goes alone: it takes out one import, and imports nothing.</source>
            <translation>--undo va solo: deshace una importación y no importa nada.</translation>
        </message>
        <message>
            <source>Import: %1 (import-chat --undo %1 takes it out again)</source>
            <translation>Importación: %1 (import-chat --undo %1 la deshace)</translation>
        </message>
        <message>
            <source>Send a template to a customer who asked for no promotions all the same (kept on record).</source>
            <translation>Envía la plantilla aunque el cliente haya pedido no recibir promociones (queda registrado).</translation>
        </message>
        <message>
            <source>%1 asked for no promotions (%2, %3).</source>
            <translation>%1 pidió no recibir promociones (%2, %3).</translation>
        </message>
        <message>
            <source>Set MOSTRADOR_WABA_ID so send can tell whether %1 is a promotion, or add --despite-opt-out.</source>
            <translation>Define MOSTRADOR_WABA_ID para que send sepa si %1 es una promoción, o añade --despite-opt-out.</translation>
        </message>
        <message>
            <source>%1 is a promotion (marketing): not sent. Add --despite-opt-out to send it all the same.</source>
            <translation>%1 es una promoción (marketing): no se envió. Añade --despite-opt-out para enviarla de todos modos.</translation>
        </message>
        <message>
            <source>Sent, but not kept on record: %1</source>
            <translation>Enviado, pero no quedó registrado: %1</translation>
        </message>
        <message>
            <source>How to read a chat whose every date reads both ways: day-first or month-first (a chat whose dates decide keeps its own).</source>
            <translation>Cómo leer un chat cuyas fechas se leen todas de las dos maneras: day-first (primero el día) o month-first (primero el mes); un chat cuyas fechas lo dejan claro conserva su orden.</translation>
        </message>
        <message>
            <source>--dates is day-first or month-first.</source>
            <translation>--dates es day-first o month-first.</translation>
        </message>
        <message>
            <source>Dates: %1</source>
            <translation>Fechas: %1</translation>
        </message>
    </context>
    <context>
        <name>ServerEnvironment</name>
        <message>
            <source>%1 names %2, which cannot be read: %3</source>
            <translation>%1 apunta a %2, que no se puede leer: %3</translation>
        </message>
        <message>
            <source>%1 is not set (nor %1_FILE).</source>
            <translation>%1 no está definida (ni %1_FILE).</translation>
        </message>
        <message>
            <source>MOSTRADOR_AWAY_MESSAGE needs MOSTRADOR_OPENING_HOURS (for example "mon-fri 09:00-18:00; sat 10:00-14:00") to know when the shop is closed.</source>
            <translation>MOSTRADOR_AWAY_MESSAGE necesita MOSTRADOR_OPENING_HOURS (por ejemplo "lun-vie 09:00-18:00; sáb 10:00-14:00") para saber cuándo está cerrada la tienda.</translation>
        </message>
        <message>
            <source>MOSTRADOR_OPENING_HOURS or MOSTRADOR_TIMEZONE: %1</source>
            <translation>MOSTRADOR_OPENING_HOURS o MOSTRADOR_TIMEZONE: %1</translation>
        </message>
        <message>
            <source>MOSTRADOR_GRAPH_URL is not a URL such as https://graph.facebook.com/v25.0</source>
            <translation>MOSTRADOR_GRAPH_URL no es una URL como https://graph.facebook.com/v25.0</translation>
        </message>
    </context>
    <context>
        <name>StoreCopy</name>
        <message>
            <source>Copy from a SQLite file into a PostgreSQL database.</source>
            <translation>Copia de un archivo SQLite a una base de datos PostgreSQL.</translation>
        </message>
        <message>
            <source>The two stores were written by different versions of Mostrador (%1 and %2).</source>
            <translation>Las dos bases de datos las escribieron versiones distintas de Mostrador (%1 y %2).</translation>
        </message>
        <message>
            <source>The PostgreSQL database already holds a shop's history (%1 rows in %2). Copy only into a new, empty database, so two histories are never mixed.</source>
            <translation>La base de PostgreSQL ya tiene el historial de una tienda (%1 filas en %2). Copia solo a una base nueva y vacía, para que nunca se mezclen dos historiales.</translation>
        </message>
    </context>
    <context>
        <name>StoreError</name>
        <message>
            <source>Mostrador could not open its database. Check that the folder exists and that you may write to it.</source>
            <translation>Mostrador no pudo abrir su base de datos. Comprueba que la carpeta existe y que puedes escribir en ella.</translation>
        </message>
        <message>
            <source>Mostrador's database cannot be written (the file or its folder is read-only). Nothing already saved was lost; fix the permissions and restart.</source>
            <translation>No se puede escribir en la base de datos de Mostrador (el archivo o su carpeta son de solo lectura). No se ha perdido nada de lo guardado; corrige los permisos y reinicia.</translation>
        </message>
        <message>
            <source>The disk is full, so new messages cannot be saved. Nothing already saved was lost; free some space and Mostrador will continue.</source>
            <translation>El disco está lleno y no se pueden guardar mensajes nuevos. No se ha perdido nada de lo guardado; libera espacio y Mostrador seguirá.</translation>
        </message>
        <message>
            <source>Mostrador's database is damaged. Restore the latest backup (mostrador-server restore) before going on.</source>
            <translation>La base de datos de Mostrador está dañada. Restaura la última copia de seguridad (mostrador-server restore) antes de seguir.</translation>
        </message>
        <message>
            <source>This database was written by a newer version of Mostrador. Update Mostrador to open it; it has not been changed.</source>
            <translation>Esta base de datos la escribió una versión más nueva de Mostrador. Actualiza Mostrador para abrirla; no se ha modificado.</translation>
        </message>
        <message>
            <source>The database is in use by another program and did not become free in time.</source>
            <translation>Otro programa está usando la base de datos y no quedó libre a tiempo.</translation>
        </message>
        <message>
            <source>The database refused an operation. Nothing already saved was lost.</source>
            <translation>La base de datos rechazó una operación. No se ha perdido nada de lo guardado.</translation>
        </message>
        <message>
            <source>Your access to the shop's database does not allow this. Ask the shop's owner if you need it.</source>
            <translation>Tu acceso a la base de datos de la tienda no permite esto. Pídeselo al dueño de la tienda si lo necesitas.</translation>
        </message>
        <message>
            <source>This Mostrador is newer than the team's mostrador-server. Update mostrador-server first (it brings the team's database up to date), then open Mostrador again. Nothing was changed.</source>
            <translation>Este Mostrador es más nuevo que el mostrador-server del equipo. Actualiza primero mostrador-server (pone al día la base de datos del equipo) y luego vuelve a abrir Mostrador. No se cambió nada.</translation>
        </message>
    </context>
    <context>
        <name>TemplateDraft</name>
        <message>
            <source>“%1” is not a button: write quick:TEXT, url:TEXT=URL or phone:TEXT=NUMBER.</source>
            <translation>«%1» no es un botón: escribe quick:TEXTO, url:TEXTO=URL o phone:TEXTO=NÚMERO.</translation>
        </message>
        <message>
            <source>The template needs a name.</source>
            <translation>La plantilla necesita un nombre.</translation>
        </message>
        <message>
            <source>The name is longer than %1 characters.</source>
            <translation>El nombre tiene más de %1 caracteres.</translation>
        </message>
        <message>
            <source>A template's name may only have lowercase letters without accents, digits and underscores (for example pedido_listo).</source>
            <translation>El nombre de una plantilla solo puede tener minúsculas sin tildes, cifras y guiones bajos (por ejemplo pedido_listo).</translation>
        </message>
        <message>
            <source>“%1” is not a language code such as es, en_US or pt_BR.</source>
            <translation>«%1» no es un código de idioma como es, en_US o pt_BR.</translation>
        </message>
        <message>
            <source>The category must be utility, marketing or authentication.</source>
            <translation>La categoría debe ser utilidad, marketing o autenticación.</translation>
        </message>
        <message>
            <source>An authentication template has no header or buttons of its own: WhatsApp writes its text and adds the button that copies the code.</source>
            <translation>Una plantilla de autenticación no lleva encabezado ni botones propios: WhatsApp escribe su texto y añade el botón que copia el código.</translation>
        </message>
        <message>
            <source>The message needs a text.</source>
            <translation>El mensaje necesita un texto.</translation>
        </message>
        <message>
            <source>The text has %1 characters; WhatsApp allows %2.</source>
            <translation>El texto tiene %1 caracteres; WhatsApp admite %2.</translation>
        </message>
        <message>
            <source>{{%1}} is not a variable: use numbers ({{1}}, {{2}}…) or names in lowercase ({{first_name}}).</source>
            <translation>{{%1}} no es una variable: usa números ({{1}}, {{2}}…) o nombres en minúsculas ({{first_name}}).</translation>
        </message>
        <message>
            <source>Use either numbered variables ({{1}}) or named ones ({{first_name}}), not both.</source>
            <translation>Usa variables numeradas ({{1}}) o con nombre ({{first_name}}), no las dos.</translation>
        </message>
        <message>
            <source>Variables are numbered in order without gaps: {{%1}} is missing.</source>
            <translation>Las variables se numeran en orden y sin huecos: falta {{%1}}.</translation>
        </message>
        <message>
            <source>The text cannot start with a variable: write a word before it.</source>
            <translation>El texto no puede empezar con una variable: escribe una palabra antes.</translation>
        </message>
        <message>
            <source>The text cannot end with a variable: write a word or a full stop after it.</source>
            <translation>El texto no puede terminar con una variable: escribe una palabra o un punto después.</translation>
        </message>
        <message>
            <source>Two variables cannot be side by side: put words between them.</source>
            <translation>Dos variables no pueden ir juntas: pon palabras entre ellas.</translation>
        </message>
        <message>
            <source>{{%1}} needs an example value for Meta's review.</source>
            <translation>{{%1}} necesita un valor de ejemplo para la revisión de Meta.</translation>
        </message>
        <message>
            <source>The header is empty.</source>
            <translation>El encabezado está vacío.</translation>
        </message>
        <message>
            <source>The header has %1 characters; WhatsApp allows %2.</source>
            <translation>El encabezado tiene %1 caracteres; WhatsApp admite %2.</translation>
        </message>
        <message>
            <source>The header can have one variable at most.</source>
            <translation>El encabezado puede tener una variable como mucho.</translation>
        </message>
        <message>
            <source>The header's variable needs an example value.</source>
            <translation>La variable del encabezado necesita un valor de ejemplo.</translation>
        </message>
        <message>
            <source>The header needs an example file.</source>
            <translation>El encabezado necesita un archivo de ejemplo.</translation>
        </message>
        <message>
            <source>The footer has %1 characters; WhatsApp allows %2.</source>
            <translation>El pie tiene %1 caracteres; WhatsApp admite %2.</translation>
        </message>
        <message>
            <source>The footer cannot have variables.</source>
            <translation>El pie no puede tener variables.</translation>
        </message>
        <message>
            <source>A template can have %1 buttons at most.</source>
            <translation>Una plantilla puede tener %1 botones como mucho.</translation>
        </message>
        <message>
            <source>A button has no text.</source>
            <translation>Un botón no tiene texto.</translation>
        </message>
        <message>
            <source>The button “%1” is longer than %2 characters.</source>
            <translation>El botón «%1» tiene más de %2 caracteres.</translation>
        </message>
        <message>
            <source>The link of “%1” must start with https://.</source>
            <translation>El enlace de «%1» debe empezar por https://.</translation>
        </message>
        <message>
            <source>The link of “%1” is longer than %2 characters.</source>
            <translation>El enlace de «%1» tiene más de %2 caracteres.</translation>
        </message>
        <message>
            <source>A link can have one variable, {{1}}, at its very end.</source>
            <translation>Un enlace puede tener una variable, {{1}}, justo al final.</translation>
        </message>
        <message>
            <source>The link of “%1” needs an example of the whole address.</source>
            <translation>El enlace de «%1» necesita un ejemplo de la dirección completa.</translation>
        </message>
        <message>
            <source>The number of “%1” must be written with its country code, such as +57 601 555 0100.</source>
            <translation>El número de «%1» debe ir con su prefijo de país, como +57 601 555 0100.</translation>
        </message>
        <message>
            <source>A template can have %1 link buttons at most.</source>
            <translation>Una plantilla puede tener %1 botones de enlace como mucho.</translation>
        </message>
        <message>
            <source>A template can have one call button at most.</source>
            <translation>Una plantilla puede tener un botón de llamada como mucho.</translation>
        </message>
        <message>
            <source>Quick-reply buttons go together, before or after the link and call buttons.</source>
            <translation>Los botones de respuesta rápida van juntos, antes o después de los de enlace y llamada.</translation>
        </message>
    </context>
    <context>
        <name>TemplateWords</name>
        <message>
            <source>approved</source>
            <translation>aprobada</translation>
        </message>
        <message>
            <source>in Meta's review</source>
            <translation>en revisión de Meta</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>rechazada</translation>
        </message>
        <message>
            <source>paused for low quality</source>
            <translation>en pausa por baja calidad</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>desactivada</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>borrada</translation>
        </message>
        <message>
            <source>archived</source>
            <translation>archivada</translation>
        </message>
        <message>
            <source>marketing</source>
            <translation>marketing</translation>
        </message>
        <message>
            <source>utility</source>
            <translation>utilidad</translation>
        </message>
        <message>
            <source>authentication</source>
            <translation>autenticación</translation>
        </message>
        <message>
            <source>high</source>
            <translation>alta</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>media</translation>
        </message>
        <message>
            <source>low</source>
            <translation>baja</translation>
        </message>
        <message>
            <source>not rated yet</source>
            <translation>sin valorar aún</translation>
        </message>
        <message>
            <source>Meta found its format wrong (variables, examples or lengths).</source>
            <translation>A Meta le pareció mal el formato (variables, ejemplos o longitudes).</translation>
        </message>
        <message>
            <source>Meta thinks its category is wrong: a promotion is marketing, not utility.</source>
            <translation>Meta cree que la categoría es errónea: una promoción es marketing, no utilidad.</translation>
        </message>
        <message>
            <source>Meta found its content against WhatsApp's policies.</source>
            <translation>Meta vio su contenido contrario a las políticas de WhatsApp.</translation>
        </message>
        <message>
            <source>Meta took it for a scam.</source>
            <translation>Meta la tomó por una estafa.</translation>
        </message>
        <message>
            <source>Its words do not match the category or language chosen.</source>
            <translation>Sus palabras no encajan con la categoría o el idioma elegidos.</translation>
        </message>
        <message>
            <source>Meta moved it from %1 to marketing: each message now costs the marketing price.</source>
            <translation>Meta la pasó de %1 a marketing: cada mensaje cuesta ahora el precio de marketing.</translation>
        </message>
        <message>
            <source>Meta moved it from %1 to %2.</source>
            <translation>Meta la pasó de %1 a %2.</translation>
        </message>
    </context>
    <context>
        <name>WindowChip</name>
        <message numerus="yes">
            <source>%n h left</source>
            <translation>
                <numerusform>queda %n h</numerusform>
                <numerusform>quedan %n h</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min left</source>
            <translation>
                <numerusform>queda %n min</numerusform>
                <numerusform>quedan %n min</numerusform>
            </translation>
        </message>
        <message>
            <source>Closing soon · %1</source>
            <translation>Cierra pronto · %1</translation>
        </message>
        <message>
            <source>Closed — template only</source>
            <translation>Cerrada: solo plantilla</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>Bloqueado</translation>
        </message>
    </context>
    <context>
        <name>WireError</name>
        <message>
            <source>WhatsApp did not accept Mostrador's access token. It may have expired: enter a new one in Settings.</source>
            <translation>WhatsApp no aceptó el token de acceso de Mostrador. Puede que haya caducado: introduce uno nuevo en Configuración.</translation>
        </message>
        <message>
            <source>WhatsApp is limiting this number because many messages were marked as spam. Mostrador will try again later; send fewer messages for a while.</source>
            <translation>WhatsApp está limitando este número porque muchos mensajes se marcaron como spam. Mostrador lo intentará más tarde; envía menos mensajes durante un tiempo.</translation>
        </message>
        <message>
            <source>Too many messages in a short time. Mostrador will send it again in a moment.</source>
            <translation>Demasiados mensajes en poco tiempo. Mostrador lo volverá a enviar en un momento.</translation>
        </message>
        <message>
            <source>More than 24 hours have passed since the customer last wrote. Send a template instead; free text is only allowed within 24 hours.</source>
            <translation>Han pasado más de 24 horas desde el último mensaje del cliente. Envía una plantilla: el texto libre solo se permite dentro de esas 24 horas.</translation>
        </message>
        <message>
            <source>WhatsApp could not deliver this message. The number may not use WhatsApp, or the customer may have blocked the shop.</source>
            <translation>WhatsApp no pudo entregar este mensaje. Puede que el número no use WhatsApp o que el cliente haya bloqueado a la tienda.</translation>
        </message>
        <message>
            <source>WhatsApp rejected the template: it does not exist, is not approved yet, or its fields are not filled in correctly.</source>
            <translation>WhatsApp rechazó la plantilla: no existe, todavía no está aprobada o sus campos no están bien rellenados.</translation>
        </message>
        <message>
            <source>The file could not be sent or received. Check its type and size, or ask the customer to send it again.</source>
            <translation>No se pudo enviar o recibir el archivo. Revisa su tipo y tamaño, o pide al cliente que lo vuelva a enviar.</translation>
        </message>
        <message>
            <source>WhatsApp has temporarily restricted this number for policy reasons. Check the account's status in Meta's WhatsApp Manager.</source>
            <translation>WhatsApp ha restringido temporalmente este número por sus políticas. Revisa el estado de la cuenta en el Administrador de WhatsApp de Meta.</translation>
        </message>
        <message>
            <source>WhatsApp rejected the request as invalid. Please check the message and try again.</source>
            <translation>WhatsApp rechazó la petición por no ser válida. Revisa el mensaje e inténtalo de nuevo.</translation>
        </message>
        <message>
            <source>Could not reach WhatsApp. Check the internet connection; Mostrador will try again.</source>
            <translation>No se pudo contactar con WhatsApp. Revisa la conexión a internet; Mostrador lo volverá a intentar.</translation>
        </message>
        <message>
            <source>WhatsApp had a problem on its side. Mostrador will try again.</source>
            <translation>WhatsApp tuvo un problema por su parte. Mostrador lo volverá a intentar.</translation>
        </message>
        <message>
            <source>not delivered to keep engagement healthy: WhatsApp limits how many marketing messages a person gets</source>
            <translation>no entregado para cuidar la experiencia: WhatsApp limita cuántos mensajes de marketing recibe cada persona</translation>
        </message>
        <message>
            <source>the customer chose to stop marketing messages from the shop</source>
            <translation>el cliente decidió dejar de recibir marketing de la tienda</translation>
        </message>
        <message>
            <source>not delivered: the number may not have WhatsApp, or the customer's app is too old</source>
            <translation>no entregado: puede que el número no tenga WhatsApp, o que la aplicación del cliente sea muy antigua</translation>
        </message>
        <message>
            <source>held back by WhatsApp: the customer's number is part of a Meta experiment on marketing messages</source>
            <translation>retenido por WhatsApp: el número del cliente forma parte de un experimento de Meta sobre mensajes de marketing</translation>
        </message>
        <message>
            <source>more than 24 hours since the customer wrote, and it was not a template</source>
            <translation>más de 24 horas desde que el cliente escribió, y no era una plantilla</translation>
        </message>
        <message>
            <source>the shop's own number</source>
            <translation>el propio número de la tienda</translation>
        </message>
        <message>
            <source>the shop's WhatsApp account is locked</source>
            <translation>la cuenta de WhatsApp de la tienda está bloqueada</translation>
        </message>
        <message>
            <source>a problem with the account's payment method</source>
            <translation>un problema con el medio de pago de la cuenta</translation>
        </message>
        <message>
            <source>too many messages in a short time</source>
            <translation>demasiados mensajes en poco tiempo</translation>
        </message>
        <message>
            <source>the template does not exist in that language, or is not approved</source>
            <translation>la plantilla no existe en ese idioma, o no está aprobada</translation>
        </message>
        <message>
            <source>the template is paused for low quality</source>
            <translation>la plantilla está en pausa por baja calidad</translation>
        </message>
        <message>
            <source>the template was disabled for low quality</source>
            <translation>la plantilla se desactivó por baja calidad</translation>
        </message>
        <message>
            <source>the template's values did not match its variables</source>
            <translation>los valores no encajaban con las variables de la plantilla</translation>
        </message>
    </context>
</TS>
