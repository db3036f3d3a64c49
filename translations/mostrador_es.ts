<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
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
        <name>Mostrador::DesktopApplication</name>
        <message>
            <source>Demo mode: simulated customers, nothing is sent to WhatsApp.</source>
            <translation>Modo demostración: clientes simulados, no se envía nada a WhatsApp.</translation>
        </message>
        <message>
            <source>Could not save the screenshot to %1. Check that the folder exists and that you may write to it.</source>
            <translation>No se pudo guardar la captura en %1. Comprueba que la carpeta existe y que puedes escribir en ella.</translation>
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
        <name>ServerCommandLine</name>
        <message>
            <source>Mostrador's always-on service: receives WhatsApp webhooks, answers automatically and sends the outbox for a shop whose PC is not always on.</source>
            <translation>El servicio siempre encendido de Mostrador: recibe los webhooks de WhatsApp, responde automáticamente y envía la bandeja de salida para una tienda cuyo PC no está siempre encendido.</translation>
        </message>
        <message>
            <source>What to do: serve, sandbox, send or export.</source>
            <translation>Qué hacer: serve, sandbox, send o export.</translation>
        </message>
        <message>
            <source>Unknown command "%1". Run with --help to see the commands.</source>
            <translation>Orden desconocida «%1». Ejecuta con --help para ver las órdenes.</translation>
        </message>
    </context>
</TS>
