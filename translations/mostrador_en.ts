<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>DesktopOptions</name>
        <message>
            <source>Mostrador: the WhatsApp inbox for small shops.</source>
            <translation>Mostrador: the WhatsApp inbox for small shops.</translation>
        </message>
        <message>
            <source>Try Mostrador with simulated customers, without a WhatsApp account.</source>
            <translation>Try Mostrador with simulated customers, without a WhatsApp account.</translation>
        </message>
        <message>
            <source>Use this interface language: es or en.</source>
            <translation>Use this interface language: es or en.</translation>
        </message>
        <message>
            <source>language</source>
            <translation>language</translation>
        </message>
        <message>
            <source>Show the window once, save it as a PNG image and quit.</source>
            <translation>Show the window once, save it as a PNG image and quit.</translation>
        </message>
        <message>
            <source>file</source>
            <translation>file</translation>
        </message>
        <message>
            <source>Unexpected argument: %1</source>
            <translation>Unexpected argument: %1</translation>
        </message>
        <message>
            <source>Unknown language "%1". Use es or en.</source>
            <translation>Unknown language "%1". Use es or en.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::AboutDialog</name>
        <message>
            <source>About Mostrador</source>
            <translation>About Mostrador</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Mostrador %1&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Mostrador %1&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>The WhatsApp counter for small shops: every chat in one inbox, answers ready to send and honest automatic replies when the shop is closed.</source>
            <translation>The WhatsApp counter for small shops: every chat in one inbox, answers ready to send and honest automatic replies when the shop is closed.</translation>
        </message>
        <message>
            <source>Mostrador is free software under the GNU General Public License, version 3 or later. It is built on these components:</source>
            <translation>Mostrador is free software under the GNU General Public License, version 3 or later. It is built on these components:</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Component</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licence</translation>
        </message>
        <message>
            <source>system</source>
            <translation>system</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::DesktopApplication</name>
        <message>
            <source>Demo mode: simulated customers, nothing is sent to WhatsApp.</source>
            <translation>Demo mode: simulated customers, nothing is sent to WhatsApp.</translation>
        </message>
        <message>
            <source>Could not save the screenshot to %1. Check that the folder exists and that you may write to it.</source>
            <translation>Could not save the screenshot to %1. Check that the folder exists and that you may write to it.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::MainWindow</name>
        <message>
            <source>Conversations</source>
            <translation>Conversations</translation>
        </message>
        <message>
            <source>Your customers' chats will appear here as soon as they write.</source>
            <translation>Your customers' chats will appear here as soon as they write.</translation>
        </message>
        <message>
            <source>No conversation selected</source>
            <translation>No conversation selected</translation>
        </message>
        <message>
            <source>Choose a conversation on the left to read it and reply.</source>
            <translation>Choose a conversation on the left to read it and reply.</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Who you are talking to, their labels and your notes about them.</source>
            <translation>Who you are talking to, their labels and your notes about them.</translation>
        </message>
        <message>
            <source>Mostrador</source>
            <translation>Mostrador</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>System language</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About Mostrador</source>
            <translation>&amp;About Mostrador</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>About &amp;Qt</translation>
        </message>
        <message>
            <source>Not connected to WhatsApp yet.</source>
            <translation>Not connected to WhatsApp yet.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::SecretStore</name>
        <message>
            <source>Nothing is saved in the keychain under this name yet.</source>
            <translation>Nothing is saved in the keychain under this name yet.</translation>
        </message>
        <message>
            <source>This computer has no keychain Mostrador can use to keep your access token safe.</source>
            <translation>This computer has no keychain Mostrador can use to keep your access token safe.</translation>
        </message>
        <message>
            <source>The keychain refused access. It may be locked: unlock it and try again.</source>
            <translation>The keychain refused access. It may be locked: unlock it and try again.</translation>
        </message>
        <message>
            <source>The keychain did not answer. It may be waiting for you to unlock it in another window.</source>
            <translation>The keychain did not answer. It may be waiting for you to unlock it in another window.</translation>
        </message>
    </context>
    <context>
        <name>ServerCommandLine</name>
        <message>
            <source>Mostrador's always-on service: receives WhatsApp webhooks, answers automatically and sends the outbox for a shop whose PC is not always on.</source>
            <translation>Mostrador's always-on service: receives WhatsApp webhooks, answers automatically and sends the outbox for a shop whose PC is not always on.</translation>
        </message>
        <message>
            <source>What to do: serve, sandbox, send or export.</source>
            <translation>What to do: serve, sandbox, send or export.</translation>
        </message>
        <message>
            <source>Unknown command "%1". Run with --help to see the commands.</source>
            <translation>Unknown command "%1". Run with --help to see the commands.</translation>
        </message>
    </context>
</TS>
