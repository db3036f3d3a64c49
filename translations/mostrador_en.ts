<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AudienceList</name>
        <message>
            <source>%1 could not be opened: %2</source>
            <translation>%1 could not be opened: %2</translation>
        </message>
        <message>
            <source>The list is empty.</source>
            <translation>The list is empty.</translation>
        </message>
        <message>
            <source>The list has no phone column: name one of its columns "Teléfono", "Celular", "WhatsApp" or "Phone".</source>
            <translation>The list has no phone column: name one of its columns "Teléfono", "Celular", "WhatsApp" or "Phone".</translation>
        </message>
        <message>
            <source>no phone number</source>
            <translation>no phone number</translation>
        </message>
    </context>
    <context>
        <name>CampaignPlan</name>
        <message>
            <source>label “%1”</source>
            <translation>label “%1”</translation>
        </message>
        <message>
            <source>wrote between %1 and %2</source>
            <translation>wrote between %1 and %2</translation>
        </message>
        <message>
            <source>list %1</source>
            <translation>list %1</translation>
        </message>
        <message>
            <source>search “%1”</source>
            <translation>search “%1”</translation>
        </message>
        <message>
            <source>asked not to get promotions</source>
            <translation>asked not to get promotions</translation>
        </message>
        <message>
            <source>blocked</source>
            <translation>blocked</translation>
        </message>
        <message>
            <source>no WhatsApp number</source>
            <translation>no WhatsApp number</translation>
        </message>
        <message>
            <source>no value for a variable (for example, no name)</source>
            <translation>no value for a variable (for example, no name)</translation>
        </message>
        <message>
            <source>already sent this campaign</source>
            <translation>already sent this campaign</translation>
        </message>
        <message>
            <source>{{%1}} has no value: give it with --param (text, {first_name}, {note}, {last_order} or a list's {column}), or add a column named %1 to the list.</source>
            <translation>{{%1}} has no value: give it with --param (text, {first_name}, {note}, {last_order} or a list's {column}), or add a column named %1 to the list.</translation>
        </message>
    </context>
    <context>
        <name>ChatExportFile</name>
        <message>
            <source>%1 cannot be read.</source>
            <translation>%1 cannot be read.</translation>
        </message>
        <message>
            <source>%1 is not a .zip that can be opened.</source>
            <translation>%1 is not a .zip that can be opened.</translation>
        </message>
        <message>
            <source>%1 holds no chat: an exported chat's .zip has a .txt inside.</source>
            <translation>%1 holds no chat: an exported chat's .zip has a .txt inside.</translation>
        </message>
    </context>
    <context>
        <name>ChatExportReader</name>
        <message>
            <source>This is not a WhatsApp chat export: no line starts with a date and a time as "Export chat" writes them.</source>
            <translation>This is not a WhatsApp chat export: no line starts with a date and a time as "Export chat" writes them.</translation>
        </message>
        <message>
            <source>line %1: the date or time cannot be read (%2); kept as text of the message before it</source>
            <translation>line %1: the date or time cannot be read (%2); kept as text of the message before it</translation>
        </message>
        <message>
            <source>line %1: text before the first message: %2</source>
            <translation>line %1: text before the first message: %2</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>line %1: %2</translation>
        </message>
    </context>
    <context>
        <name>ChatImport</name>
        <message>
            <source>Say which name in the chats is the shop's.</source>
            <translation>Say which name in the chats is the shop's.</translation>
        </message>
        <message>
            <source>A number goes with one chat only; import the others without it.</source>
            <translation>A number goes with one chat only; import the others without it.</translation>
        </message>
        <message>
            <source>Import cancelled: nothing was added.</source>
            <translation>Import cancelled: nothing was added.</translation>
        </message>
        <message>
            <source>“%1” wrote nothing in this chat, so every message would be filed as the customer's. Who wrote in it: %2.</source>
            <translation>“%1” wrote nothing in this chat, so every message would be filed as the customer's. Who wrote in it: %2.</translation>
        </message>
        <message>
            <source>day first</source>
            <translation>day first</translation>
        </message>
        <message>
            <source>month first</source>
            <translation>month first</translation>
        </message>
        <message>
            <source>year first</source>
            <translation>year first</translation>
        </message>
        <message>
            <source>%1 (every date reads both ways: check them)</source>
            <translation>%1 (every date reads both ways: check them)</translation>
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
            <translation>The phone number ID is a long number such as 106540352242922 (WhatsApp ▸ API Setup), not the phone number itself.</translation>
        </message>
        <message>
            <source>The WhatsApp Business Account ID is a long number, shown under the phone number ID in WhatsApp ▸ API Setup.</source>
            <translation>The WhatsApp Business Account ID is a long number, shown under the phone number ID in WhatsApp ▸ API Setup.</translation>
        </message>
        <message>
            <source>Paste the whole access token (it is long and starts with EAA).</source>
            <translation>Paste the whole access token (it is long and starts with EAA).</translation>
        </message>
        <message>
            <source>Paste the app secret (App settings ▸ Basic ▸ App secret, after Show).</source>
            <translation>Paste the app secret (App settings ▸ Basic ▸ App secret, after Show).</translation>
        </message>
        <message>
            <source>Mostrador could not reach Meta: %1. Check this computer's internet connection and try again.</source>
            <translation>Mostrador could not reach Meta: %1. Check this computer's internet connection and try again.</translation>
        </message>
        <message>
            <source>Meta does not accept this access token: it is wrong or has expired. Create a permanent one (Business settings ▸ System users ▸ Generate token) and paste it again.</source>
            <translation>Meta does not accept this access token: it is wrong or has expired. Create a permanent one (Business settings ▸ System users ▸ Generate token) and paste it again.</translation>
        </message>
        <message>
            <source>The access token lacks a permission. When you generate it, tick whatsapp_business_messaging and whatsapp_business_management.</source>
            <translation>The access token lacks a permission. When you generate it, tick whatsapp_business_messaging and whatsapp_business_management.</translation>
        </message>
        <message>
            <source>No phone number with ID %1 can be reached with this token. Copy the Phone number ID from WhatsApp ▸ API Setup.</source>
            <translation>No phone number with ID %1 can be reached with this token. Copy the Phone number ID from WhatsApp ▸ API Setup.</translation>
        </message>
        <message>
            <source>No WhatsApp Business Account with ID %1 can be reached with this token. Copy the WhatsApp Business Account ID from WhatsApp ▸ API Setup.</source>
            <translation>No WhatsApp Business Account with ID %1 can be reached with this token. Copy the WhatsApp Business Account ID from WhatsApp ▸ API Setup.</translation>
        </message>
    </context>
    <context>
        <name>ContactBook</name>
        <message>
            <source>%1, line %2: %3: no number WhatsApp can use</source>
            <translation>%1, line %2: %3: no number WhatsApp can use</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>(no name)</translation>
        </message>
    </context>
    <context>
        <name>ContactFile</name>
        <message>
            <source>This is neither a vCard (.vcf) nor a contacts CSV with a name and a phone column.</source>
            <translation>This is neither a vCard (.vcf) nor a contacts CSV with a name and a phone column.</translation>
        </message>
        <message>
            <source>This CSV has no name and phone columns (for example "Name" and "Phone 1 - Value", or "Nombre" and "Teléfono").</source>
            <translation>This CSV has no name and phone columns (for example "Name" and "Phone 1 - Value", or "Nombre" and "Teléfono").</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2</source>
            <translation>%1 cannot be read: %2</translation>
        </message>
    </context>
    <context>
        <name>CredentialVault</name>
        <message>
            <source>Could not write %1: %2</source>
            <translation>Could not write %1: %2</translation>
        </message>
        <message>
            <source>The credentials file %1 cannot be read: %2. Connect the number again.</source>
            <translation>The credentials file %1 cannot be read: %2. Connect the number again.</translation>
        </message>
        <message>
            <source>The credentials file %1 is damaged. Connect the number again.</source>
            <translation>The credentials file %1 is damaged. Connect the number again.</translation>
        </message>
    </context>
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
        <message>
            <source>window</source>
            <translation>window</translation>
        </message>
        <message>
            <source>Unknown window "%1". Use %2.</source>
            <translation>Unknown window "%1". Use %2.</translation>
        </message>
        <message>
            <source>Open this database instead of the one in your data folder: a file, or postgres://user@host/db for team mode (also MOSTRADOR_DB).</source>
            <translation>Open this database instead of the one in your data folder: a file, or postgres://user@host/db for team mode (also MOSTRADOR_DB).</translation>
        </message>
        <message>
            <source>Show this help and quit.</source>
            <translation>Show this help and quit.</translation>
        </message>
        <message>
            <source>Open one of the shop's windows at start: %1 (with --screenshot, the picture is of that window).</source>
            <translation>Open one of the shop's windows at start: %1 (with --screenshot, the picture is of that window).</translation>
        </message>
    </context>
    <context>
        <name>ImportRecordStore</name>
        <message>
            <source>There is no import number %1.</source>
            <translation>There is no import number %1.</translation>
        </message>
        <message>
            <source>Import %1 was already undone on %2.</source>
            <translation>Import %1 was already undone on %2.</translation>
        </message>
    </context>
    <context>
        <name>MediaLimits</name>
        <message>
            <source>This file is %1; WhatsApp accepts up to %2 for this kind of file.</source>
            <translation>This file is %1; WhatsApp accepts up to %2 for this kind of file.</translation>
        </message>
        <message>
            <source>This file is empty.</source>
            <translation>This file is empty.</translation>
        </message>
        <message>
            <source>WhatsApp does not accept this kind of file (%1). Photos (JPEG, PNG), videos (MP4), audio and documents such as PDF, Word or Excel can be sent.</source>
            <translation>WhatsApp does not accept this kind of file (%1). Photos (JPEG, PNG), videos (MP4), audio and documents such as PDF, Word or Excel can be sent.</translation>
        </message>
    </context>
    <context>
        <name>MessagePayloads</name>
        <message>
            <source>The message is empty.</source>
            <translation>The message is empty.</translation>
        </message>
        <message>
            <source>The message is %1 characters long; WhatsApp allows up to %2.</source>
            <translation>The message is %1 characters long; WhatsApp allows up to %2.</translation>
        </message>
        <message>
            <source>A message can have from 1 to 3 reply buttons.</source>
            <translation>A message can have from 1 to 3 reply buttons.</translation>
        </message>
        <message>
            <source>Button titles must have 1 to 20 characters: "%1" does not.</source>
            <translation>Button titles must have 1 to 20 characters: "%1" does not.</translation>
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
        <name>Mostrador::AddressBook</name>
        <message>
            <source>Contacts to import</source>
            <translation>Contacts to import</translation>
        </message>
        <message>
            <source>Address books (*.vcf *.csv)</source>
            <translation>Address books (*.vcf *.csv)</translation>
        </message>
        <message>
            <source>Export contacts</source>
            <translation>Export contacts</translation>
        </message>
        <message>
            <source>/customers.vcf</source>
            <translation>/customers.vcf</translation>
        </message>
        <message>
            <source>vCard, for phones and Google (*.vcf);;CSV, for spreadsheets (*.csv)</source>
            <translation>vCard, for phones and Google (*.vcf);;CSV, for spreadsheets (*.csv)</translation>
        </message>
        <message>
            <source>Contacts not imported</source>
            <translation>Contacts not imported</translation>
        </message>
        <message>
            <source>Nothing was imported. %1</source>
            <translation>Nothing was imported. %1</translation>
        </message>
        <message numerus="yes">
            <source>%n contact(s) read: %1 new customers, %2 already known by their number.</source>
            <translation>
                <numerusform>%n contact read: %1 new customers, %2 already known by their number.</numerusform>
                <numerusform>%n contacts read: %1 new customers, %2 already known by their number.</numerusform>
            </translation>
        </message>
        <message>
            <source>Without a number WhatsApp can use: %1</source>
            <translation>Without a number WhatsApp can use: %1</translation>
        </message>
        <message>
            <source>Find them with File ▸ New conversation (Ctrl+N) by name or number.</source>
            <translation>Find them with File ▸ New conversation (Ctrl+N) by name or number.</translation>
        </message>
        <message>
            <source>Contacts imported</source>
            <translation>Contacts imported</translation>
        </message>
        <message>
            <source>Contacts not exported</source>
            <translation>Contacts not exported</translation>
        </message>
        <message>
            <source>%1 could not be written: %2</source>
            <translation>%1 could not be written: %2</translation>
        </message>
        <message>
            <source>Contacts exported</source>
            <translation>Contacts exported</translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) written to %1.</source>
            <translation>
                <numerusform>%n customer written to %1.</numerusform>
                <numerusform>%n customers written to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::AppHistorySync</name>
        <message>
            <source>The WhatsApp Business app's history was not shared: the owner declined on the phone.</source>
            <translation>The WhatsApp Business app's history was not shared: the owner declined on the phone.</translation>
        </message>
        <message>
            <source>History from the WhatsApp Business app: all here.</source>
            <translation>History from the WhatsApp Business app: all here.</translation>
        </message>
        <message>
            <source>Bringing your history from the WhatsApp Business app: %1 %</source>
            <translation>Bringing your history from the WhatsApp Business app: %1 %</translation>
        </message>
        <message>
            <source>History from the WhatsApp Business app: asked, waiting for Meta…</source>
            <translation>History from the WhatsApp Business app: asked, waiting for Meta…</translation>
        </message>
        <message>
            <source>Bring history from the WhatsApp Business app</source>
            <translation>Bring history from the WhatsApp Business app</translation>
        </message>
        <message>
            <source>Meta will ask the owner's phone to share the WhatsApp Business app's contacts and up to 180 days of its chats (not groups; photos and files of the last 14 days only). It can be asked only once for this number: if the owner declines on the phone, it cannot be asked again.

Ask now?</source>
            <translation>Meta will ask the owner's phone to share the WhatsApp Business app's contacts and up to 180 days of its chats (not groups; photos and files of the last 14 days only). It can be asked only once for this number: if the owner declines on the phone, it cannot be asked again.

Ask now?</translation>
        </message>
        <message>
            <source>Meta did not take the request for the WhatsApp Business app's contacts: %1</source>
            <translation>Meta did not take the request for the WhatsApp Business app's contacts: %1</translation>
        </message>
        <message>
            <source>Meta did not take the request for the WhatsApp Business app's history: %1</source>
            <translation>Meta did not take the request for the WhatsApp Business app's history: %1</translation>
        </message>
        <message>
            <source>Meta took the request for the app's history, but this computer could not note it: %1</source>
            <translation>Meta took the request for the app's history, but this computer could not note it: %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::AttachmentBanner</name>
        <message>
            <source>Do not send these files</source>
            <translation>Do not send these files</translation>
        </message>
        <message>
            <source>Sent with the message: %1</source>
            <translation>Sent with the message: %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::AutomaticRepliesDialog</name>
        <message>
            <source>Opening hours and automatic replies</source>
            <translation>Opening hours and automatic replies</translation>
        </message>
        <message>
            <source>When the shop is open</source>
            <translation>When the shop is open</translation>
        </message>
        <message>
            <source>As customers know it, e.g. Casa Nube</source>
            <translation>As customers know it, e.g. Casa Nube</translation>
        </message>
        <message>
            <source>Automatic replies</source>
            <translation>Automatic replies</translation>
        </message>
        <message>
            <source>Away message when a customer writes while the shop is closed</source>
            <translation>Away message when a customer writes while the shop is closed</translation>
        </message>
        <message>
            <source>Away message</source>
            <translation>Away message</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Not if someone from the shop replied in the last</source>
            <translation>Not if someone from the shop replied in the last</translation>
        </message>
        <message>
            <source>Greeting for a customer's first message</source>
            <translation>Greeting for a customer's first message</translation>
        </message>
        <message>
            <source>Greeting message</source>
            <translation>Greeting message</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>…and again after a silence of</source>
            <translation>…and again after a silence of</translation>
        </message>
        <message>
            <source>Who sends them</source>
            <translation>Who sends them</translation>
        </message>
        <message>
            <source>This computer, while Mostrador is open</source>
            <translation>This computer, while Mostrador is open</translation>
        </message>
        <message>
            <source>mostrador-server, on an always-on machine</source>
            <translation>mostrador-server, on an always-on machine</translation>
        </message>
        <message>
            <source>Write the away message, or turn it off.</source>
            <translation>Write the away message, or turn it off.</translation>
        </message>
        <message>
            <source>Write the greeting, or turn it off.</source>
            <translation>Write the greeting, or turn it off.</translation>
        </message>
        <message>
            <source>Automatic replies are off: nobody is answered automatically.</source>
            <translation>Automatic replies are off: nobody is answered automatically.</translation>
        </message>
        <message>
            <source>mostrador-server sends the automatic replies, as long as it runs with this store (mostrador-server serve). This computer does not, so no customer gets them twice.</source>
            <translation>mostrador-server sends the automatic replies, as long as it runs with this store (mostrador-server serve). This computer does not, so no customer gets them twice.</translation>
        </message>
        <message>
            <source>Not armed right now: this computer is not receiving the shop's messages (the number is not connected), so nothing can be answered. Connect the number, or let mostrador-server send them.</source>
            <translation>Not armed right now: this computer is not receiving the shop's messages (the number is not connected), so nothing can be answered. Connect the number, or let mostrador-server send them.</translation>
        </message>
        <message>
            <source>Armed: this computer sends the automatic replies while Mostrador is open. When it is closed or off, nobody answers automatically.</source>
            <translation>Armed: this computer sends the automatic replies while Mostrador is open. When it is closed or off, nobody answers automatically.</translation>
        </message>
        <message>
            <source>Automatic replies off.</source>
            <translation>Automatic replies off.</translation>
        </message>
        <message>
            <source>Automatic replies sent by mostrador-server.</source>
            <translation>Automatic replies sent by mostrador-server.</translation>
        </message>
        <message>
            <source>Automatic replies armed on this computer.</source>
            <translation>Automatic replies armed on this computer.</translation>
        </message>
        <message>
            <source>Automatic replies not armed: nothing is being received.</source>
            <translation>Automatic replies not armed: nothing is being received.</translation>
        </message>
        <message>
            <source>In English, for customers who write in English (optional)</source>
            <translation>In English, for customers who write in English (optional)</translation>
        </message>
        <message>
            <source>Away message in English</source>
            <translation>Away message in English</translation>
        </message>
        <message>
            <source>Greeting message in English</source>
            <translation>Greeting message in English</translation>
        </message>
        <message>
            <source>Shop name ({shop}):</source>
            <translation>Shop name ({shop}):</translation>
        </message>
        <message>
            <source>You can use {name} (the customer's first name), {shop}, {today} and {tomorrow} (or the Spanish {nombre}, {tienda}, {hoy}, {mañana}). Each customer gets the away message once per closed period, not once per message. Customers who write in English get the English version when there is one.</source>
            <translation>You can use {name} (the customer's first name), {shop}, {today} and {tomorrow} (or the Spanish {nombre}, {tienda}, {hoy}, {mañana}). Each customer gets the away message once per closed period, not once per message. Customers who write in English get the English version when there is one.</translation>
        </message>
        <message>
            <source>Since %1 Meta bills every reply, automatic ones too: these cost %2 last month, and %3 this month at this pace.</source>
            <translation>Since %1 Meta bills every reply, automatic ones too: these cost %2 last month, and %3 this month at this pace.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::BusinessProfileDialog</name>
        <message>
            <source>Business profile</source>
            <translation>Business profile</translation>
        </message>
        <message>
            <source>What customers see</source>
            <translation>What customers see</translation>
        </message>
        <message>
            <source>Choose photo…</source>
            <translation>Choose photo…</translation>
        </message>
        <message>
            <source>Profile photo</source>
            <translation>Profile photo</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>Images (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>JPEG or PNG, square, up to 5 MB; 640×640 looks best.</source>
            <translation>JPEG or PNG, square, up to 5 MB; 640×640 looks best.</translation>
        </message>
        <message>
            <source>Photo:</source>
            <translation>Photo:</translation>
        </message>
        <message>
            <source>About:</source>
            <translation>About:</translation>
        </message>
        <message>
            <source>One line under the name, e.g. Home goods · we deliver in Bogotá</source>
            <translation>One line under the name, e.g. Home goods · we deliver in Bogotá</translation>
        </message>
        <message>
            <source>(not set)</source>
            <translation>(not set)</translation>
        </message>
        <message>
            <source>Category:</source>
            <translation>Category:</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Description:</source>
            <translation>Description:</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Address:</translation>
        </message>
        <message>
            <source>Email:</source>
            <translation>Email:</translation>
        </message>
        <message>
            <source>Website:</source>
            <translation>Website:</translation>
        </message>
        <message>
            <source>Second website:</source>
            <translation>Second website:</translation>
        </message>
        <message>
            <source>https://instagram.com/… (optional)</source>
            <translation>https://instagram.com/… (optional)</translation>
        </message>
        <message>
            <source>Opening hours and automatic replies…</source>
            <translation>Opening hours and automatic replies…</translation>
        </message>
        <message>
            <source>Hours:</source>
            <translation>Hours:</translation>
        </message>
        <message>
            <source>Reading the profile from WhatsApp…</source>
            <translation>Reading the profile from WhatsApp…</translation>
        </message>
        <message>
            <source>Could not read the profile: %1</source>
            <translation>Could not read the profile: %1</translation>
        </message>
        <message>
            <source>This is the profile WhatsApp has now. Changes are sent when you press Save.</source>
            <translation>This is the profile WhatsApp has now. Changes are sent when you press Save.</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>Could not open %1: %2</translation>
        </message>
        <message>
            <source>The photo must be a JPEG or PNG image.</source>
            <translation>The photo must be a JPEG or PNG image.</translation>
        </message>
        <message>
            <source>The photo is %1 MB; WhatsApp takes up to 5 MB.</source>
            <translation>The photo is %1 MB; WhatsApp takes up to 5 MB.</translation>
        </message>
        <message>
            <source>The photo could not be read as an image.</source>
            <translation>The photo could not be read as an image.</translation>
        </message>
        <message>
            <source>New photo chosen; it is small (%1×%2) and may look blurry. Press Save to send it.</source>
            <translation>New photo chosen; it is small (%1×%2) and may look blurry. Press Save to send it.</translation>
        </message>
        <message>
            <source>New photo chosen. Press Save to send it.</source>
            <translation>New photo chosen. Press Save to send it.</translation>
        </message>
        <message>
            <source>Sending the photo…</source>
            <translation>Sending the photo…</translation>
        </message>
        <message>
            <source>The photo was not sent: %1 Nothing was changed.</source>
            <translation>The photo was not sent: %1 Nothing was changed.</translation>
        </message>
        <message>
            <source>Saving the profile…</source>
            <translation>Saving the profile…</translation>
        </message>
        <message>
            <source>The profile was not saved: %1</source>
            <translation>The profile was not saved: %1</translation>
        </message>
        <message>
            <source>Saved. Customers see the new profile in WhatsApp within a few minutes.</source>
            <translation>Saved. Customers see the new profile in WhatsApp within a few minutes.</translation>
        </message>
        <message>
            <source>To change the photo Mostrador needs the app ID from Meta's dashboard (Shop ▸ Connection to WhatsApp). The other fields can be saved without it: remove the new photo by reopening this window.</source>
            <translation>To change the photo Mostrador needs the app ID from Meta's dashboard (Shop ▸ Connection to WhatsApp). The other fields can be saved without it: remove the new photo by reopening this window.</translation>
        </message>
        <message>
            <source>No WhatsApp number is connected yet. Connect it in Shop ▸ Connection to WhatsApp; then its profile can be read and changed here.</source>
            <translation>No WhatsApp number is connected yet. Connect it in Shop ▸ Connection to WhatsApp; then its profile can be read and changed here.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CampaignRunner</name>
        <message>
            <source>There is no such campaign.</source>
            <translation>There is no such campaign.</translation>
        </message>
        <message>
            <source>This campaign has already been sent.</source>
            <translation>This campaign has already been sent.</translation>
        </message>
        <message>
            <source>This campaign was cancelled.</source>
            <translation>This campaign was cancelled.</translation>
        </message>
        <message>
            <source>%1 is sending this campaign; it goes on there.</source>
            <translation>%1 is sending this campaign; it goes on there.</translation>
        </message>
        <message>
            <source>Another computer took this campaign over.</source>
            <translation>Another computer took this campaign over.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CampaignsDialog</name>
        <message>
            <source>scheduled for %1</source>
            <translation>scheduled for %1</translation>
        </message>
        <message>
            <source>about to start</source>
            <translation>about to start</translation>
        </message>
        <message>
            <source>sending</source>
            <translation>sending</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>paused</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>cancelled</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>sent</translation>
        </message>
        <message>
            <source>Campaigns</source>
            <translation>Campaigns</translation>
        </message>
        <message>
            <source>A campaign sends an approved template to many customers, once each, at a pace WhatsApp accepts. Customers who asked not to get promotions never get one.</source>
            <translation>A campaign sends an approved template to many customers, once each, at a pace WhatsApp accepts. Customers who asked not to get promotions never get one.</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>Campaign</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Template</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>New campaign…</source>
            <translation>New campaign…</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Cancel the campaign…</source>
            <translation>Cancel the campaign…</translation>
        </message>
        <message>
            <source>Cancel the campaign?</source>
            <translation>Cancel the campaign?</translation>
        </message>
        <message>
            <source>Customers who have not got it yet will not get it. What was sent stays sent.</source>
            <translation>Customers who have not got it yet will not get it. What was sent stays sent.</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <source>No campaign yet. A campaign needs an approved template: see Shop ▸ Templates.</source>
            <translation>No campaign yet. A campaign needs an approved template: see Shop ▸ Templates.</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>%1 · %2 · %3</source>
            <translation>%1 · %2 · %3</translation>
        </message>
        <message>
            <source>To receive it</source>
            <translation>To receive it</translation>
        </message>
        <message>
            <source>Waiting to go</source>
            <translation>Waiting to go</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>Read</translation>
        </message>
        <message>
            <source>Replied</source>
            <translation>Replied</translation>
        </message>
        <message>
            <source>Not delivered</source>
            <translation>Not delivered</translation>
        </message>
        <message>
            <source>Unknown (sent when a crash hit; not sent again)</source>
            <translation>Unknown (sent when a crash hit; not sent again)</translation>
        </message>
        <message>
            <source>Left out</source>
            <translation>Left out</translation>
        </message>
        <message>
            <source>Why some were not delivered:</source>
            <translation>Why some were not delivered:</translation>
        </message>
        <message>
            <source>refused by WhatsApp</source>
            <translation>refused by WhatsApp</translation>
        </message>
        <message>
            <source>Left out: %1.</source>
            <translation>Left out: %1.</translation>
        </message>
        <message>
            <source>Cost so far: %1 %2</source>
            <translation>Cost so far: %1 %2</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) Meta charged for, at its rates of %1.</source>
            <translation>
                <numerusform>%n message Meta charged for, at its rates of %1.</numerusform>
                <numerusform>%n messages Meta charged for, at its rates of %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Being sent by %1.</source>
            <translation>Being sent by %1.</translation>
        </message>
        <message>
            <source>Not changed</source>
            <translation>Not changed</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CatalogDialog</name>
        <message>
            <source>Catalog</source>
            <translation>Catalog</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>Stock</translation>
        </message>
        <message>
            <source>Where it lives</source>
            <translation>Where it lives</translation>
        </message>
        <message>
            <source>Read from WhatsApp</source>
            <translation>Read from WhatsApp</translation>
        </message>
        <message>
            <source>Reads the catalog connected to the number in Meta's Commerce Manager (also done once a day)</source>
            <translation>Reads the catalog connected to the number in Meta's Commerce Manager (also done once a day)</translation>
        </message>
        <message>
            <source>Import spreadsheet…</source>
            <translation>Import spreadsheet…</translation>
        </message>
        <message>
            <source>Export spreadsheet…</source>
            <translation>Export spreadsheet…</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>In stock</translation>
        </message>
        <message>
            <source>Sold out</source>
            <translation>Sold out</translation>
        </message>
        <message>
            <source>WhatsApp catalog</source>
            <translation>WhatsApp catalog</translation>
        </message>
        <message>
            <source>Shop's list</source>
            <translation>Shop's list</translation>
        </message>
        <message>
            <source>This product is in the catalog on WhatsApp: change it in Meta's Commerce Manager.</source>
            <translation>This product is in the catalog on WhatsApp: change it in Meta's Commerce Manager.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CatalogFeed</name>
        <message>
            <source>%1 could not be opened: %2</source>
            <translation>%1 could not be opened: %2</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>The file is empty.</translation>
        </message>
        <message>
            <source>The file has no column for the products' names: call one "title" (as Meta's catalog does) or "nombre".</source>
            <translation>The file has no column for the products' names: call one "title" (as Meta's catalog does) or "nombre".</translation>
        </message>
        <message>
            <source>no name</source>
            <translation>no name</translation>
        </message>
        <message>
            <source>"%1" is not a price</source>
            <translation>"%1" is not a price</translation>
        </message>
        <message>
            <source>the id %1 is on an earlier row</source>
            <translation>the id %1 is on an earlier row</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CatalogSync</name>
        <message>
            <source>Meta's catalog could not be read: %1</source>
            <translation>Meta's catalog could not be read: %1</translation>
        </message>
        <message>
            <source>This WhatsApp account has no catalog at Meta: the shop's own list is used.</source>
            <translation>This WhatsApp account has no catalog at Meta: the shop's own list is used.</translation>
        </message>
        <message>
            <source>The catalog could not be kept: %1</source>
            <translation>The catalog could not be kept: %1</translation>
        </message>
        <message>
            <source>This WhatsApp account has no catalog at Meta, and its old products could not be removed here: %1</source>
            <translation>This WhatsApp account has no catalog at Meta, and its old products could not be removed here: %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ChatImports</name>
        <message>
            <source>Chats exported from the phone</source>
            <translation>Chats exported from the phone</translation>
        </message>
        <message>
            <source>Exported chats (*.txt *.zip)</source>
            <translation>Exported chats (*.txt *.zip)</translation>
        </message>
        <message>
            <source>Not added:
%1</source>
            <translation>Not added:
%1</translation>
        </message>
        <message numerus="yes">
            <source>%n chat(s) imported: %1 new messages, %2 already there.</source>
            <translation>
                <numerusform>%n chat imported: %1 new messages, %2 already there.</numerusform>
                <numerusform>%n chats imported: %1 new messages, %2 already there.</numerusform>
            </translation>
        </message>
        <message>
            <source>Media kept: %1 · not included in the export: %2.</source>
            <translation>Media kept: %1 · not included in the export: %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) could not be read and were kept as text of the message before them:</source>
            <translation>
                <numerusform>%n line could not be read and was kept as text of the message before it:</numerusform>
                <numerusform>%n lines could not be read and were kept as text of the message before them:</numerusform>
            </translation>
        </message>
        <message>
            <source>History waits for nobody: chats with no new message are under the All and Resolved views.</source>
            <translation>History waits for nobody: chats with no new message are under the All and Resolved views.</translation>
        </message>
        <message>
            <source>Nothing was undone: %1</source>
            <translation>Nothing was undone: %1</translation>
        </message>
        <message numerus="yes">
            <source>Import undone: %n message(s) taken out (conversations it had started and left empty: %1). Add the chats again and choose the shop's name to import them right.</source>
            <translation>
                <numerusform>Import undone: %n message taken out (conversations it had started and left empty: %1). Add the chats again and choose the shop's name to import them right.</numerusform>
                <numerusform>Import undone: %n messages taken out (conversations it had started and left empty: %1). Add the chats again and choose the shop's name to import them right.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::Composer</name>
        <message>
            <source>Write a message… (Enter sends, Shift+Enter adds a line)</source>
            <translation>Write a message… (Enter sends, Shift+Enter adds a line)</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>More than 24 hours have passed since this customer last wrote. WhatsApp only allows an approved template until they write again.</source>
            <translation>More than 24 hours have passed since this customer last wrote. WhatsApp only allows an approved template until they write again.</translation>
        </message>
        <message>
            <source>The 24-hour window closes at %1. Reply now, or you will need a template.</source>
            <translation>The 24-hour window closes at %1. Reply now, or you will need a template.</translation>
        </message>
        <message>
            <source>Replying to: %1</source>
            <translation>Replying to: %1</translation>
        </message>
        <message>
            <source>Do not quote</source>
            <translation>Do not quote</translation>
        </message>
        <message>
            <source>Send a file</source>
            <translation>Send a file</translation>
        </message>
        <message>
            <source>File…</source>
            <translation>File…</translation>
        </message>
        <message>
            <source>Send a photo, video, audio or document; the text you wrote goes as its caption</source>
            <translation>Send a photo, video, audio or document; the text you wrote goes as its caption</translation>
        </message>
        <message>
            <source>Emoji</source>
            <translation>Emoji</translation>
        </message>
        <message>
            <source>At opening</source>
            <translation>At opening</translation>
        </message>
        <message>
            <source>The shop is closed: send this when it opens (%1).</source>
            <translation>The shop is closed: send this when it opens (%1).</translation>
        </message>
        <message>
            <source>The 24-hour window closes before the shop opens (%1): send it now, or later with a template.</source>
            <translation>The 24-hour window closes before the shop opens (%1): send it now, or later with a template.</translation>
        </message>
        <message>
            <source>There is no quick reply %1. Press Enter again to send it to the customer as it is.</source>
            <translation>There is no quick reply %1. Press Enter again to send it to the customer as it is.</translation>
        </message>
        <message>
            <source>%1 of %2 characters</source>
            <translation>%1 of %2 characters</translation>
        </message>
        <message numerus="yes">
            <source>%1 characters: WhatsApp takes at most %2 in one message. Shorten it, or send it as %n messages, cut between paragraphs or sentences.</source>
            <translation>
                <numerusform>%1 characters: WhatsApp takes at most %2 in one message. Shorten it, or send it as %n message, cut between paragraphs or sentences.</numerusform>
                <numerusform>%1 characters: WhatsApp takes at most %2 in one message. Shorten it, or send it as %n messages, cut between paragraphs or sentences.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Send as %n messages</source>
            <translation>
                <numerusform>Send as %n message</numerusform>
                <numerusform>Send as %n messages</numerusform>
            </translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Products</translation>
        </message>
        <message>
            <source>Products: send some from the catalog (or type # and a word, then Enter)</source>
            <translation>Products: send some from the catalog (or type # and a word, then Enter)</translation>
        </message>
        <message numerus="yes">
            <source>%n messages · ~%1</source>
            <translation>
                <numerusform>%n message · ~%1</numerusform>
                <numerusform>%n messages · ~%1</numerusform>
            </translation>
        </message>
        <message>
            <source>Billed: ~%1</source>
            <translation>Billed: ~%1</translation>
        </message>
        <message>
            <source>Since %1 Meta bills every reply, even inside the 24-hour window: about %2 each to this customer's country, by Meta's rate card. Your WhatsApp Manager shows what you are really billed.</source>
            <translation>Since %1 Meta bills every reply, even inside the 24-hour window: about %2 each to this customer's country, by Meta's rate card. Your WhatsApp Manager shows what you are really billed.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ConnectionController</name>
        <message>
            <source>Port %1 is in use by another program, so messages cannot arrive here. Close it, or choose another port in Shop ▸ Connection ▸ Set up again.</source>
            <translation>Port %1 is in use by another program, so messages cannot arrive here. Close it, or choose another port in Shop ▸ Connection ▸ Set up again.</translation>
        </message>
        <message>
            <source>Connected: receiving messages on port %1.</source>
            <translation>Connected: receiving messages on port %1.</translation>
        </message>
        <message>
            <source>Connected: mostrador-server receives the messages.</source>
            <translation>Connected: mostrador-server receives the messages.</translation>
        </message>
        <message>
            <source>Disconnect</source>
            <translation>Disconnect</translation>
        </message>
        <message>
            <source>Forget this number's access token and stop receiving messages here? The history stays.</source>
            <translation>Forget this number's access token and stop receiving messages here? The history stays.</translation>
        </message>
        <message>
            <source>Could not read the access token: %1 (Shop ▸ Connection to WhatsApp to fix it.)</source>
            <translation>Could not read the access token: %1 (Shop ▸ Connection to WhatsApp to fix it.)</translation>
        </message>
        <message>
            <source>Not connected to WhatsApp yet (Shop ▸ Connection to WhatsApp).</source>
            <translation>Not connected to WhatsApp yet (Shop ▸ Connection to WhatsApp).</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ConnectionDialog</name>
        <message>
            <source>Connection</source>
            <translation>Connection</translation>
        </message>
        <message>
            <source>Asking Meta…</source>
            <translation>Asking Meta…</translation>
        </message>
        <message>
            <source>mostrador-server receives them (this computer shows what it stores when both use the same database).</source>
            <translation>mostrador-server receives them (this computer shows what it stores when both use the same database).</translation>
        </message>
        <message>
            <source>This computer should receive them on port %1, but the receiver is not running (is the port in use?).</source>
            <translation>This computer should receive them on port %1, but the receiver is not running (is the port in use?).</translation>
        </message>
        <message>
            <source>This computer, port %1. Last message or status from Meta: %2.</source>
            <translation>This computer, port %1. Last message or status from Meta: %2.</translation>
        </message>
        <message>
            <source>none since Mostrador started</source>
            <translation>none since Mostrador started</translation>
        </message>
        <message>
            <source>In this computer's keychain.</source>
            <translation>In this computer's keychain.</translation>
        </message>
        <message>
            <source>In a file only your user can read (chosen because the keychain was not available).</source>
            <translation>In a file only your user can read (chosen because the keychain was not available).</translation>
        </message>
        <message>
            <source>Number:</source>
            <translation>Number:</translation>
        </message>
        <message>
            <source>phone number ID %1 · WhatsApp Business Account %2</source>
            <translation>phone number ID %1 · WhatsApp Business Account %2</translation>
        </message>
        <message>
            <source>Meta's API:</source>
            <translation>Meta's API:</translation>
        </message>
        <message>
            <source>Messages arrive at:</source>
            <translation>Messages arrive at:</translation>
        </message>
        <message>
            <source>Access token and app secret:</source>
            <translation>Access token and app secret:</translation>
        </message>
        <message>
            <source>Token expiry:</source>
            <translation>Token expiry:</translation>
        </message>
        <message>
            <source>Permanent system-user tokens do not expire by date; if Meta stops accepting the token, Mostrador says so at once and stops sending.</source>
            <translation>Permanent system-user tokens do not expire by date; if Meta stops accepting the token, Mostrador says so at once and stops sending.</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Check again</translation>
        </message>
        <message>
            <source>Set up again…</source>
            <translation>Set up again…</translation>
        </message>
        <message>
            <source>Disconnect</source>
            <translation>Disconnect</translation>
        </message>
        <message>
            <source>✓ Answers (checked at %1): %2, %3, quality %4.</source>
            <translation>✓ Answers (checked at %1): %2, %3, quality %4.</translation>
        </message>
        <message>
            <source>Not asked. If this number is also in the WhatsApp Business app, Meta can bring its contacts and up to 180 days of its chats, once.</source>
            <translation>Not asked. If this number is also in the WhatsApp Business app, Meta can bring its contacts and up to 180 days of its chats, once.</translation>
        </message>
        <message>
            <source>Bring history and contacts…</source>
            <translation>Bring history and contacts…</translation>
        </message>
        <message>
            <source>WhatsApp Business app:</source>
            <translation>WhatsApp Business app:</translation>
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
            <translation>Your number's details from Meta</translation>
        </message>
        <message>
            <source>Open developers.facebook.com ▸ My apps ▸ your app ▸ WhatsApp ▸ API Setup. Copy each value below, then press Check with Meta.</source>
            <translation>Open developers.facebook.com ▸ My apps ▸ your app ▸ WhatsApp ▸ API Setup. Copy each value below, then press Check with Meta.</translation>
        </message>
        <message>
            <source>Check with Meta</source>
            <translation>Check with Meta</translation>
        </message>
        <message>
            <source>Phone number ID:</source>
            <translation>Phone number ID:</translation>
        </message>
        <message>
            <source>In API Setup, under the number you send from (a long number, not the phone number).</source>
            <translation>In API Setup, under the number you send from (a long number, not the phone number).</translation>
        </message>
        <message>
            <source>WhatsApp Business Account ID:</source>
            <translation>WhatsApp Business Account ID:</translation>
        </message>
        <message>
            <source>In API Setup, just below the phone number ID.</source>
            <translation>In API Setup, just below the phone number ID.</translation>
        </message>
        <message>
            <source>Permanent access token:</source>
            <translation>Permanent access token:</translation>
        </message>
        <message>
            <source>Business settings ▸ Users ▸ System users ▸ your system user ▸ Generate token, with whatsapp_business_messaging and whatsapp_business_management. The temporary token of API Setup stops working after 24 hours.</source>
            <translation>Business settings ▸ Users ▸ System users ▸ your system user ▸ Generate token, with whatsapp_business_messaging and whatsapp_business_management. The temporary token of API Setup stops working after 24 hours.</translation>
        </message>
        <message>
            <source>App secret:</source>
            <translation>App secret:</translation>
        </message>
        <message>
            <source>App settings ▸ Basic ▸ App secret (press Show). Mostrador uses it to check that messages really come from Meta.</source>
            <translation>App settings ▸ Basic ▸ App secret (press Show). Mostrador uses it to check that messages really come from Meta.</translation>
        </message>
        <message>
            <source>App ID (optional):</source>
            <translation>App ID (optional):</translation>
        </message>
        <message>
            <source>At the top of App settings ▸ Basic. Only needed to change the profile photo.</source>
            <translation>At the top of App settings ▸ Basic. Only needed to change the profile photo.</translation>
        </message>
        <message>
            <source>Asking Meta…</source>
            <translation>Asking Meta…</translation>
        </message>
        <message>
            <source>not rated yet</source>
            <translation>not rated yet</translation>
        </message>
        <message numerus="yes">
            <source>✓ Connected to %1 (%2), quality %3. Approved templates: %n.</source>
            <translation>
                <numerusform>✓ Connected to %1 (%2), quality %3. Approved templates: %n.</numerusform>
                <numerusform>✓ Connected to %1 (%2), quality %3. Approved templates: %n.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CustomerBlocking</name>
        <message>
            <source>Blocking goes through WhatsApp: connect the number first (Shop ▸ Connection).</source>
            <translation>Blocking goes through WhatsApp: connect the number first (Shop ▸ Connection).</translation>
        </message>
        <message>
            <source>WhatsApp lets a business block only someone who wrote in the last 24 hours, and %1 has not. You can block them the next time they write.</source>
            <translation>WhatsApp lets a business block only someone who wrote in the last 24 hours, and %1 has not. You can block them the next time they write.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CustomerExport</name>
        <message>
            <source>The file %1 could not be written: %2</source>
            <translation>The file %1 could not be written: %2</translation>
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
            <translation>No orders yet.</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s), none paid yet.</source>
            <translation>
                <numerusform>%n order, not paid yet.</numerusform>
                <numerusform>%n orders, none paid yet.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) · spent %1</source>
            <translation>
                <numerusform>%n order · spent %1</numerusform>
                <numerusform>%n orders · spent %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>New order…</source>
            <translation>New order…</translation>
        </message>
        <message>
            <source>Write down an order this customer made in the chat</source>
            <translation>Write down an order this customer made in the chat</translation>
        </message>
        <message>
            <source>Click to see it in the conversation; right-click to change its stage</source>
            <translation>Click to see it in the conversation; right-click to change its stage</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CustomerPane</name>
        <message>
            <source>WhatsApp name: %1</source>
            <translation>WhatsApp name: %1</translation>
        </message>
        <message>
            <source>First wrote on %1</source>
            <translation>First wrote on %1</translation>
        </message>
        <message>
            <source>Came from the ad “%1”</source>
            <translation>Came from the ad “%1”</translation>
        </message>
        <message numerus="yes">
            <source>%n conversation(s) with the shop</source>
            <translation>
                <numerusform>%n conversation with the shop</numerusform>
                <numerusform>%n conversations with the shop</numerusform>
            </translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>&amp;Name in this shop</source>
            <translation>&amp;Name in this shop</translation>
        </message>
        <message>
            <source>N&amp;otes (address, sizes, orders…)</source>
            <translation>N&amp;otes (address, sizes, orders…)</translation>
        </message>
        <message>
            <source>Only the shop sees these notes. They are saved as you type.</source>
            <translation>Only the shop sees these notes. They are saved as you type.</translation>
        </message>
        <message>
            <source>Customer name</source>
            <translation>Customer name</translation>
        </message>
        <message>
            <source>Notes about the customer</source>
            <translation>Notes about the customer</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>Labels</translation>
        </message>
        <message>
            <source>Rename label</source>
            <translation>Rename label</translation>
        </message>
        <message>
            <source>New name:</source>
            <translation>New name:</translation>
        </message>
        <message>
            <source>Number: %1</source>
            <translation>Number: %1</translation>
        </message>
        <message>
            <source>No phone number: WhatsApp shares only their user name and id.</source>
            <translation>No phone number: WhatsApp shares only their user name and id.</translation>
        </message>
        <message>
            <source>WhatsApp user name: @%1</source>
            <translation>WhatsApp user name: @%1</translation>
        </message>
        <message>
            <source>WhatsApp user id: %1</source>
            <translation>WhatsApp user id: %1</translation>
        </message>
        <message>
            <source>Blocked: they cannot write to the shop and the shop cannot write to them.</source>
            <translation>Blocked: they cannot write to the shop and the shop cannot write to them.</translation>
        </message>
        <message>
            <source>Unblock</source>
            <translation>Unblock</translation>
        </message>
        <message>
            <source>Block…</source>
            <translation>Block…</translation>
        </message>
        <message>
            <source>Lets this customer write to the shop again</source>
            <translation>Lets this customer write to the shop again</translation>
        </message>
        <message>
            <source>Stops this customer from writing to the shop. WhatsApp allows it only for someone who wrote in the last 24 hours.</source>
            <translation>Stops this customer from writing to the shop. WhatsApp allows it only for someone who wrote in the last 24 hours.</translation>
        </message>
        <message>
            <source>Their data</source>
            <translation>Their data</translation>
        </message>
        <message>
            <source>What the customer may ask of the shop under data protection law</source>
            <translation>What the customer may ask of the shop under data protection law</translation>
        </message>
        <message>
            <source>Give them a copy of their data…</source>
            <translation>Give them a copy of their data…</translation>
        </message>
        <message>
            <source>Forget this customer…</source>
            <translation>Forget this customer…</translation>
        </message>
        <message>
            <source>Asked for no promotions (“%1”): no campaign or promotion goes to them.</source>
            <translation>Asked for no promotions (“%1”): no campaign or promotion goes to them.</translation>
        </message>
        <message>
            <source>Gets promotions (campaigns)</source>
            <translation>Gets promotions (campaigns)</translation>
        </message>
        <message>
            <source>Untick it for a customer who does not want offers: no campaign goes to them. They can still write, and be answered.</source>
            <translation>Untick it for a customer who does not want offers: no campaign goes to them. They can still write, and be answered.</translation>
        </message>
        <message>
            <source>They asked for no promotions themselves; only they can change that, by writing ALTA or START.</source>
            <translation>They asked for no promotions themselves; only they can change that, by writing ALTA or START.</translation>
        </message>
        <message>
            <source>This customer</source>
            <translation>This customer</translation>
        </message>
        <message>
            <source>The shop marked %1 as not getting promotions.</source>
            <translation>The shop marked %1 as not getting promotions.</translation>
        </message>
        <message>
            <source>The shop marked %1 as not getting promotions on %2.</source>
            <translation>The shop marked %1 as not getting promotions on %2.</translation>
        </message>
        <message>
            <source>%1 asked for no promotions (“%2”).</source>
            <translation>%1 asked for no promotions (“%2”).</translation>
        </message>
        <message>
            <source>%1 asked for no promotions (“%2”, %3).</source>
            <translation>%1 asked for no promotions (“%2”, %3).</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::CustomerPrivacy</name>
        <message>
            <source>%1 - data.zip</source>
            <translation>%1 - data.zip</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Save %1's data</source>
            <translation>Save %1's data</translation>
        </message>
        <message>
            <source>ZIP files (*.zip)</source>
            <translation>ZIP files (*.zip)</translation>
        </message>
        <message>
            <source>Data saved</source>
            <translation>Data saved</translation>
        </message>
        <message numerus="yes">
            <source>%1 holds everything the shop keeps about %2: %n message(s) and their files. Send it to them by a private channel.</source>
            <translation>
                <numerusform>%1 holds everything the shop keeps about %2: %n message and its files. Send it to them by a private channel.</numerusform>
                <numerusform>%1 holds everything the shop keeps about %2: %n messages and their files. Send it to them by a private channel.</numerusform>
            </translation>
        </message>
        <message>
            <source>Forget %1?</source>
            <translation>Forget %1?</translation>
        </message>
        <message>
            <source>Every message, file, note and label of %1 is removed from this computer's store, and they no longer appear in the inbox or in search. This cannot be undone.

Backups made before now still hold them until they are replaced by newer ones (the newest seven are kept). If they write again, they start as a new customer.</source>
            <translation>Every message, file, note and label of %1 is removed from this computer's store, and they no longer appear in the inbox or in search. This cannot be undone.

Backups made before now still hold them until they are replaced by newer ones (the newest seven are kept). If they write again, they start as a new customer.</translation>
        </message>
        <message numerus="yes">
            <source>%n conversation(s) untouched for longer than the shop keeps them will be removed by %1. Export what you need to keep before then.</source>
            <translation>
                <numerusform>%n conversation untouched for longer than the shop keeps them will be removed by %1. Export what you need to keep before then.</numerusform>
                <numerusform>%n conversations untouched for longer than the shop keeps them will be removed by %1. Export what you need to keep before then.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::DemoSession</name>
        <message>
            <source>The demo could not create its temporary folder: %1</source>
            <translation>The demo could not create its temporary folder: %1</translation>
        </message>
        <message>
            <source>The demo could not open its local ports on 127.0.0.1.</source>
            <translation>The demo could not open its local ports on 127.0.0.1.</translation>
        </message>
        <message>
            <source>Winter blankets</source>
            <translation>Winter blankets</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::DesktopApplication</name>
        <message>
            <source>Could not save the screenshot to %1. Check that the folder exists and that you may write to it.</source>
            <translation>Could not save the screenshot to %1. Check that the folder exists and that you may write to it.</translation>
        </message>
        <message>
            <source>Demo on 127.0.0.1:%1: simulated customers, nothing reaches real ones.</source>
            <translation>Demo on 127.0.0.1:%1: simulated customers, nothing reaches real ones.</translation>
        </message>
        <message>
            <source>Not connected to WhatsApp yet.</source>
            <translation>Not connected to WhatsApp yet.</translation>
        </message>
        <message>
            <source>Team mode needs your name to start.</source>
            <translation>Team mode needs your name to start.</translation>
        </message>
        <message>
            <source>Team mode as %1 on %2: mostrador-server receives and sends; changes from the others appear as they happen.</source>
            <translation>Team mode as %1 on %2: mostrador-server receives and sends; changes from the others appear as they happen.</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Connection</translation>
        </message>
        <message>
            <source>In team mode mostrador-server holds the number's connection: it receives Meta's webhooks and sends for every desktop. Its settings are in /etc/mostrador/mostrador.env on the machine that runs it (see the guide). This desktop connects only to the shared store: %1.</source>
            <translation>In team mode mostrador-server holds the number's connection: it receives Meta's webhooks and sends for every desktop. Its settings are in /etc/mostrador/mostrador.env on the machine that runs it (see the guide). This desktop connects only to the shared store: %1.</translation>
        </message>
        <message numerus="yes">
            <source>Lost the connection to the team's store on %1; reconnecting every few seconds. %n message(s) you sent wait on this computer and go as soon as it is back.</source>
            <translation>
                <numerusform>Lost the connection to the team's store on %1; reconnecting every few seconds. %n message you sent waits on this computer and goes as soon as it is back.</numerusform>
                <numerusform>Lost the connection to the team's store on %1; reconnecting every few seconds. %n messages you sent wait on this computer and go as soon as it is back.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::DesktopNotifier</name>
        <message>
            <source>More customers wrote</source>
            <translation>More customers wrote</translation>
        </message>
        <message>
            <source>Open Mostrador</source>
            <translation>Open Mostrador</translation>
        </message>
        <message>
            <source>Open the conversation</source>
            <translation>Open the conversation</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::FinishPage</name>
        <message>
            <source>Ready</source>
            <translation>Ready</translation>
        </message>
        <message>
            <source>Press Finish to keep the access token and app secret in this computer's keychain and start answering.</source>
            <translation>Press Finish to keep the access token and app secret in this computer's keychain and start answering.</translation>
        </message>
        <message>
            <source>Number: phone number ID %1, WhatsApp Business Account %2.
Messages arrive at: %3.
The access token and app secret go to the keychain; they are never written in settings, logs or exports.</source>
            <translation>Number: phone number ID %1, WhatsApp Business Account %2.
Messages arrive at: %3.
The access token and app secret go to the keychain; they are never written in settings, logs or exports.</translation>
        </message>
        <message>
            <source>this computer, port %1</source>
            <translation>this computer, port %1</translation>
        </message>
        <message>
            <source>mostrador-server</source>
            <translation>mostrador-server</translation>
        </message>
        <message>
            <source>The keychain could not keep them: %1</source>
            <translation>The keychain could not keep them: %1</translation>
        </message>
        <message>
            <source>Keep them instead in a file only my user can read (%1). Less safe: anyone who uses this account or copies the file can send messages as the shop.</source>
            <translation>Keep them instead in a file only my user can read (%1). Less safe: anyone who uses this account or copies the file can send messages as the shop.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::FirstRunDialog</name>
        <message>
            <source>Welcome to Mostrador</source>
            <translation>Welcome to Mostrador</translation>
        </message>
        <message>
            <source>Your shop's WhatsApp, on this computer</source>
            <translation>Your shop's WhatsApp, on this computer</translation>
        </message>
        <message>
            <source>How do you want to start? You can connect your number later from the Shop menu.</source>
            <translation>How do you want to start? You can connect your number later from the Shop menu.</translation>
        </message>
        <message>
            <source>Try the demo</source>
            <translation>Try the demo</translation>
        </message>
        <message>
            <source>Pretend customers write in; nothing reaches anyone. No Meta account needed.</source>
            <translation>Pretend customers write in; nothing reaches anyone. No Meta account needed.</translation>
        </message>
        <message>
            <source>Connect my number</source>
            <translation>Connect my number</translation>
        </message>
        <message>
            <source>Step by step, with where to find each value in Meta's dashboard. About 15 minutes.</source>
            <translation>Step by step, with where to find each value in Meta's dashboard. About 15 minutes.</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Later</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::HeatMapWidget</name>
        <message>
            <source>Underlined: open.</source>
            <translation>Underlined: open.</translation>
        </message>
        <message numerus="yes">
            <source>%1, %2:00–%3:00: %n customer message(s)</source>
            <translation>
                <numerusform>%1, %2:00–%3:00: %n customer message</numerusform>
                <numerusform>%1, %2:00–%3:00: %n customer messages</numerusform>
            </translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Stronger colour: more customer messages in that hour (most: %1).</source>
            <translation>Stronger colour: more customer messages in that hour (most: %1).</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ImportChatsDialog</name>
        <message>
            <source>%1 of %2 messages</source>
            <translation>%1 of %2 messages</translation>
        </message>
        <message>
            <source>Cancel import</source>
            <translation>Cancel import</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Import chats from the phone</source>
            <translation>Import chats from the phone</translation>
        </message>
        <message>
            <source>Add chats…</source>
            <translation>Add chats…</translation>
        </message>
        <message>
            <source>The &amp;shop in these chats is:</source>
            <translation>The &amp;shop in these chats is:</translation>
        </message>
        <message>
            <source>Customer's &amp;number (one chat):</source>
            <translation>Customer's &amp;number (one chat):</translation>
        </message>
        <message>
            <source>Optional, e.g. +57 300 111 2233</source>
            <translation>Optional, e.g. +57 300 111 2233</translation>
        </message>
        <message>
            <source>On the phone: open the chat ▸ More ▸ Export chat, with or without media, and save the .txt or .zip here (or drop the files on Mostrador's window). Imported messages keep their dates, are searchable, and never send automatic replies. Importing a chat again adds only what is new.</source>
            <translation>On the phone: open the chat ▸ More ▸ Export chat, with or without media, and save the .txt or .zip here (or drop the files on Mostrador's window). Imported messages keep their dates, are searchable, and never send automatic replies. Importing a chat again adds only what is new.</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Undo import</source>
            <translation>Undo import</translation>
        </message>
        <message>
            <source>Takes out what this import added, so the chats can be imported again (with another shop name, say).</source>
            <translation>Takes out what this import added, so the chats can be imported again (with another shop name, say).</translation>
        </message>
        <message>
            <source>Select a chat to see its dates.</source>
            <translation>Select a chat to see its dates.</translation>
        </message>
        <message>
            <source>Every date in this chat could be day/month or month/day: if these are wrong, swap them.</source>
            <translation>Every date in this chat could be day/month or month/day: if these are wrong, swap them.</translation>
        </message>
        <message>
            <source>Read as before</source>
            <translation>Read as before</translation>
        </message>
        <message>
            <source>Swap day and month</source>
            <translation>Swap day and month</translation>
        </message>
        <message>
            <source>Dates as read: %1, from %2 to %3.</source>
            <translation>Dates as read: %1, from %2 to %3.</translation>
        </message>
        <message>
            <source>Dates as read: from %1, %2 to %3, %4.</source>
            <translation>Dates as read: from %1, %2 to %3, %4.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::InboxPane</name>
        <message>
            <source>Conversations</source>
            <translation>Conversations</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Waiting for us</source>
            <translation>Waiting for us</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Resolved</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Which conversations to show</source>
            <translation>Which conversations to show</translation>
        </message>
        <message>
            <source>Search messages and customers (Ctrl+K)</source>
            <translation>Search messages and customers (Ctrl+K)</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Search results</translation>
        </message>
        <message>
            <source>Nothing found. Try fewer or shorter words; accents and capitals do not matter.</source>
            <translation>Nothing found. Try fewer or shorter words; accents and capitals do not matter.</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Any label</source>
            <translation>Any label</translation>
        </message>
        <message>
            <source>Show conversations with this label</source>
            <translation>Show conversations with this label</translation>
        </message>
        <message>
            <source>Nothing here yet</source>
            <translation>Nothing here yet</translation>
        </message>
        <message>
            <source>Your customers' chats will appear here as soon as they write.</source>
            <translation>Your customers' chats will appear here as soon as they write.</translation>
        </message>
        <message>
            <source>Closing soon</source>
            <translation>Closing soon</translation>
        </message>
        <message>
            <source>Mark open</source>
            <translation>Mark open</translation>
        </message>
        <message>
            <source>Mark pending</source>
            <translation>Mark pending</translation>
        </message>
        <message>
            <source>Mark resolved</source>
            <translation>Mark resolved</translation>
        </message>
        <message>
            <source>Latest first</source>
            <translation>Latest first</translation>
        </message>
        <message>
            <source>Least time left</source>
            <translation>Least time left</translation>
        </message>
        <message>
            <source>Order of the conversations</source>
            <translation>Order of the conversations</translation>
        </message>
        <message>
            <source>Least time left: open 24-hour windows, the one closing first at the top</source>
            <translation>Least time left: open 24-hour windows, the one closing first at the top</translation>
        </message>
        <message>
            <source>Everyone's</source>
            <translation>Everyone's</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>Mine</translation>
        </message>
        <message>
            <source>Unassigned</source>
            <translation>Unassigned</translation>
        </message>
        <message>
            <source>Whose conversations to show</source>
            <translation>Whose conversations to show</translation>
        </message>
        <message>
            <source>Connect your WhatsApp number and your customers' chats will appear here as soon as they write.</source>
            <translation>Connect your WhatsApp number and your customers' chats will appear here as soon as they write.</translation>
        </message>
        <message>
            <source>Connect my number…</source>
            <translation>Connect my number…</translation>
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
        <message numerus="yes">
            <source>Mostrador (%n unread)</source>
            <translation>
                <numerusform>Mostrador (%n unread)</numerusform>
                <numerusform>Mostrador (%n unread)</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Notify me of new messages</source>
            <translation>&amp;Notify me of new messages</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
        <message>
            <source>&amp;Appearance</source>
            <translation>&amp;Appearance</translation>
        </message>
        <message>
            <source>Like the system</source>
            <translation>Like the system</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Light</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
        <message>
            <source>&amp;Shop</source>
            <translation>&amp;Shop</translation>
        </message>
        <message>
            <source>Opening &amp;hours and automatic replies…</source>
            <translation>Opening &amp;hours and automatic replies…</translation>
        </message>
        <message>
            <source>&amp;Quick replies…</source>
            <translation>&amp;Quick replies…</translation>
        </message>
        <message>
            <source>Business &amp;profile…</source>
            <translation>Business &amp;profile…</translation>
        </message>
        <message>
            <source>&amp;Connection to WhatsApp…</source>
            <translation>&amp;Connection to WhatsApp…</translation>
        </message>
        <message>
            <source>Only the owner (%1) can change this.</source>
            <translation>Only the owner (%1) can change this.</translation>
        </message>
        <message>
            <source>&amp;New conversation…</source>
            <translation>&amp;New conversation…</translation>
        </message>
        <message>
            <source>P&amp;rivacy…</source>
            <translation>P&amp;rivacy…</translation>
        </message>
        <message>
            <source>&amp;Team…</source>
            <translation>&amp;Team…</translation>
        </message>
        <message>
            <source>&amp;Reports…</source>
            <translation>&amp;Reports…</translation>
        </message>
        <message>
            <source>&amp;Customer details</source>
            <translation>&amp;Customer details</translation>
        </message>
        <message>
            <source>Show or fold away the customer's details beside the conversation (Ctrl+I)</source>
            <translation>Show or fold away the customer's details beside the conversation (Ctrl+I)</translation>
        </message>
        <message>
            <source>&amp;Import chats from the phone…</source>
            <translation>&amp;Import chats from the phone…</translation>
        </message>
        <message>
            <source>Import &amp;contacts…</source>
            <translation>Import &amp;contacts…</translation>
        </message>
        <message>
            <source>E&amp;xport contacts…</source>
            <translation>E&amp;xport contacts…</translation>
        </message>
        <message>
            <source>&amp;Templates…</source>
            <translation>&amp;Templates…</translation>
        </message>
        <message>
            <source>&amp;Campaigns…</source>
            <translation>&amp;Campaigns…</translation>
        </message>
        <message>
            <source>&amp;Orders…</source>
            <translation>&amp;Orders…</translation>
        </message>
        <message>
            <source>Ca&amp;talog…</source>
            <translation>Ca&amp;talog…</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::MessageDelegate</name>
        <message>
            <source>This message was deleted by the customer.</source>
            <translation>This message was deleted by the customer.</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Photo</translation>
        </message>
        <message>
            <source>Photo: %1</source>
            <translation>Photo: %1</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <source>Video: %1</source>
            <translation>Video: %1</translation>
        </message>
        <message>
            <source>Voice or audio message</source>
            <translation>Voice or audio message</translation>
        </message>
        <message>
            <source>Document: %1</source>
            <translation>Document: %1</translation>
        </message>
        <message>
            <source>Sticker</source>
            <translation>Sticker</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>Location: %1</source>
            <translation>Location: %1</translation>
        </message>
        <message>
            <source>Contact: %1</source>
            <translation>Contact: %1</translation>
        </message>
        <message>
            <source>Removed a reaction</source>
            <translation>Removed a reaction</translation>
        </message>
        <message>
            <source>Reacted %1</source>
            <translation>Reacted %1</translation>
        </message>
        <message>
            <source>Order from the catalogue</source>
            <translation>Order from the catalogue</translation>
        </message>
        <message>
            <source>Order: %1</source>
            <translation>Order: %1</translation>
        </message>
        <message>
            <source>This kind of message cannot be shown here yet. It is kept; the customer can see it in WhatsApp.</source>
            <translation>This kind of message cannot be shown here yet. It is kept; the customer can see it in WhatsApp.</translation>
        </message>
        <message>
            <source>Not confirmed: Mostrador stopped while sending. Check with the customer, then send again or discard.</source>
            <translation>Not confirmed: Mostrador stopped while sending. Check with the customer, then send again or discard.</translation>
        </message>
        <message>
            <source>automatic · %1</source>
            <translation>automatic · %1</translation>
        </message>
        <message>
            <source>edited · %1</source>
            <translation>edited · %1</translation>
        </message>
        <message>
            <source>Not sent: discarded.</source>
            <translation>Not sent: discarded.</translation>
        </message>
        <message>
            <source>(Right-click for what to do.)</source>
            <translation>(Right-click for what to do.)</translation>
        </message>
        <message>
            <source>Open in a map ↗</source>
            <translation>Open in a map ↗</translation>
        </message>
        <message>
            <source>Forwarded many times</source>
            <translation>Forwarded many times</translation>
        </message>
        <message>
            <source>Forwarded</source>
            <translation>Forwarded</translation>
        </message>
        <message>
            <source>Came from the ad “%1”</source>
            <translation>Came from the ad “%1”</translation>
        </message>
        <message>
            <source>↪ %1</source>
            <translation>↪ %1</translation>
        </message>
        <message>
            <source>Downloading…</source>
            <translation>Downloading…</translation>
        </message>
        <message>
            <source>Click to open</source>
            <translation>Click to open</translation>
        </message>
        <message>
            <source>Downloading… %1 %</source>
            <translation>Downloading… %1 %</translation>
        </message>
        <message>
            <source>Click to open · %1</source>
            <translation>Click to open · %1</translation>
        </message>
        <message>
            <source>Sends when the shop opens: %1.</source>
            <translation>Sends when the shop opens: %1.</translation>
        </message>
        <message>
            <source>Meta's AI agent · %1</source>
            <translation>Meta's AI agent · %1</translation>
        </message>
        <message>
            <source>to Meta's AI agent · %1</source>
            <translation>to Meta's AI agent · %1</translation>
        </message>
        <message>
            <source>Not included in the export</source>
            <translation>Not included in the export</translation>
        </message>
        <message>
            <source>This message was deleted.</source>
            <translation>This message was deleted.</translation>
        </message>
        <message>
            <source>imported · %1</source>
            <translation>imported · %1</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::MessagePayloads</name>
        <message>
            <source>A section of the list has no products.</source>
            <translation>A section of the list has no products.</translation>
        </message>
        <message>
            <source>A section's title is longer than 24 characters.</source>
            <translation>A section's title is longer than 24 characters.</translation>
        </message>
        <message>
            <source>With several sections, each needs a title.</source>
            <translation>With several sections, each needs a title.</translation>
        </message>
        <message>
            <source>Choose at least one product.</source>
            <translation>Choose at least one product.</translation>
        </message>
        <message>
            <source>WhatsApp shows at most %1 products in one message.</source>
            <translation>WhatsApp shows at most %1 products in one message.</translation>
        </message>
        <message>
            <source>WhatsApp shows at most %1 sections.</source>
            <translation>WhatsApp shows at most %1 sections.</translation>
        </message>
        <message>
            <source>The list needs a title of at most 60 characters.</source>
            <translation>The list needs a title of at most 60 characters.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::MessageSender</name>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>Cannot read %1: %2</translation>
        </message>
        <message>
            <source>%1 was not sent. %2</source>
            <translation>%1 was not sent. %2</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::MetaAgentBar</name>
        <message>
            <source>Meta's AI agent is answering this customer. Its replies and the customer's messages appear here; nothing is sent automatically. Write to take the conversation back.</source>
            <translation>Meta's AI agent is answering this customer. Its replies and the customer's messages appear here; nothing is sent automatically. Write to take the conversation back.</translation>
        </message>
        <message>
            <source>Take over</source>
            <translation>Take over</translation>
        </message>
        <message>
            <source>Your next message takes the conversation back from Meta's AI agent</source>
            <translation>Your next message takes the conversation back from Meta's AI agent</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::NewCampaignDialog</name>
        <message>
            <source>known by their WhatsApp id only</source>
            <translation>known by their WhatsApp id only</translation>
        </message>
        <message>
            <source>New campaign</source>
            <translation>New campaign</translation>
        </message>
        <message>
            <source>Campaign of %1</source>
            <translation>Campaign of %1</translation>
        </message>
        <message>
            <source>Customers with a label</source>
            <translation>Customers with a label</translation>
        </message>
        <message>
            <source>Customers who wrote between two dates</source>
            <translation>Customers who wrote between two dates</translation>
        </message>
        <message>
            <source>A list from a spreadsheet (CSV)</source>
            <translation>A list from a spreadsheet (CSV)</translation>
        </message>
        <message>
            <source>Customers found by a search</source>
            <translation>Customers found by a search</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>a CSV with a phone column</source>
            <translation>a CSV with a phone column</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>a name, a word of their notes, part of a number</source>
            <translation>a name, a word of their notes, part of a number</translation>
        </message>
        <message>
            <source> a second</source>
            <translation> a second</translation>
        </message>
        <message>
            <source>Send at</source>
            <translation>Send at</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Template</translation>
        </message>
        <message>
            <source>Values</source>
            <translation>Values</translation>
        </message>
        <message>
            <source>Who gets it</source>
            <translation>Who gets it</translation>
        </message>
        <message>
            <source>Pace</source>
            <translation>Pace</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Press Check to see who will get it and what it costs.</source>
            <translation>Press Check to see who will get it and what it costs.</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>Rate card…</source>
            <translation>Rate card…</translation>
        </message>
        <message>
            <source>The first customer gets:</source>
            <translation>The first customer gets:</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>The list of customers</source>
            <translation>The list of customers</translation>
        </message>
        <message>
            <source>Spreadsheets (*.csv *.txt)</source>
            <translation>Spreadsheets (*.csv *.txt)</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>The number has no approved template yet: write one in Shop ▸ Templates.</source>
            <translation>The number has no approved template yet: write one in Shop ▸ Templates.</translation>
        </message>
        <message>
            <source>Reading the number's approved templates…</source>
            <translation>Reading the number's approved templates…</translation>
        </message>
        <message>
            <source>Each customer's first name</source>
            <translation>Each customer's first name</translation>
        </message>
        <message>
            <source>Each customer's name</source>
            <translation>Each customer's name</translation>
        </message>
        <message>
            <source>The first line of their note</source>
            <translation>The first line of their note</translation>
        </message>
        <message>
            <source>the same text for everyone</source>
            <translation>the same text for everyone</translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) will get it.</source>
            <translation>
                <numerusform>%n customer will get it.</numerusform>
                <numerusform>%n customers will get it.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>Left out: %1.</source>
            <translation>Left out: %1.</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>line %1: %2</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) of the list could not be read (%1).</source>
            <translation>
                <numerusform>%n row of the list could not be read (%1).</numerusform>
                <numerusform>%n rows of the list could not be read (%1).</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2 × %3</source>
            <translation>%1: %2 × %3</translation>
        </message>
        <message>
            <source>%1: %2, no price on the rate card</source>
            <translation>%1: %2, no price on the rate card</translation>
        </message>
        <message>
            <source>Estimated cost: %1</source>
            <translation>Estimated cost: %1</translation>
        </message>
        <message>
            <source>From Meta's rates of %1 (%2). What Meta charges in the end is read from each message's status.</source>
            <translation>From Meta's rates of %1 (%2). What Meta charges in the end is read from each message's status.</translation>
        </message>
        <message>
            <source>There is already a campaign called %1: choose another name.</source>
            <translation>There is already a campaign called %1: choose another name.</translation>
        </message>
        <message>
            <source>The campaign was not saved: %1</source>
            <translation>The campaign was not saved: %1</translation>
        </message>
        <message>
            <source>[first name]</source>
            <translation>[first name]</translation>
        </message>
        <message>
            <source>[name]</source>
            <translation>[name]</translation>
        </message>
        <message>
            <source>[note]</source>
            <translation>[note]</translation>
        </message>
        <message>
            <source>What they bought last</source>
            <translation>What they bought last</translation>
        </message>
        <message>
            <source>[what they bought last]</source>
            <translation>[what they bought last]</translation>
        </message>
        <message numerus="yes">
            <source>Schedule “%1” for %n customer(s) on %2?</source>
            <translation>
                <numerusform>Schedule “%1” for %n customer on %2?</numerusform>
                <numerusform>Schedule “%1” for %n customers on %2?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Send “%1” to %n customer(s) now?</source>
            <translation>
                <numerusform>Send “%1” to %n customer now?</numerusform>
                <numerusform>Send “%1” to %n customers now?</numerusform>
            </translation>
        </message>
        <message>
            <source>Estimated cost: %1. A message that has left cannot be called back; the campaign can be paused while it sends.</source>
            <translation>Estimated cost: %1. A message that has left cannot be called back; the campaign can be paused while it sends.</translation>
        </message>
        <message numerus="yes">
            <source>Send to %n</source>
            <translation>
                <numerusform>Send to %n</numerusform>
                <numerusform>Send to %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>Not yet</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::NewConversationDialog</name>
        <message>
            <source>New conversation</source>
            <translation>New conversation</translation>
        </message>
        <message>
            <source>Type the customer's number as you would write it, or part of the name of a customer who already wrote to the shop.</source>
            <translation>Type the customer's number as you would write it, or part of the name of a customer who already wrote to the shop.</translation>
        </message>
        <message>
            <source>+52 55 1234 5678, 300 111 2233 or Lucía</source>
            <translation>+52 55 1234 5678, 300 111 2233 or Lucía</translation>
        </message>
        <message>
            <source>WhatsApp lets a business write first only with an approved template: you choose it in the message box, with its text filled in.</source>
            <translation>WhatsApp lets a business write first only with an approved template: you choose it in the message box, with its text filled in.</translation>
        </message>
        <message>
            <source>Open the conversation</source>
            <translation>Open the conversation</translation>
        </message>
        <message>
            <source>Write to %1.</source>
            <translation>Write to %1.</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>Write to %1 (%2).</source>
            <translation>Write to %1 (%2).</translation>
        </message>
        <message>
            <source>Numbers without a country code are read as numbers of %1.</source>
            <translation>Numbers without a country code are read as numbers of %1.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::NewMessageAlerts</name>
        <message numerus="yes">
            <source>Mostrador: %n unread message(s)</source>
            <translation>
                <numerusform>Mostrador: %n unread message</numerusform>
                <numerusform>Mostrador: %n unread messages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new messages</source>
            <translation>
                <numerusform>%n new message</numerusform>
                <numerusform>%n new messages</numerusform>
            </translation>
        </message>
        <message>
            <source>New message</source>
            <translation>New message</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Photo</translation>
        </message>
        <message>
            <source>Voice or audio message</source>
            <translation>Voice or audio message</translation>
        </message>
        <message>
            <source>Sent a file</source>
            <translation>Sent a file</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::NewOrderDialog</name>
        <message>
            <source>New order for %1</source>
            <translation>New order for %1</translation>
        </message>
        <message>
            <source>Find a product to add</source>
            <translation>Find a product to add</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>Unit price</translation>
        </message>
        <message>
            <source>Note (delivery, gift wrap…)</source>
            <translation>Note (delivery, gift wrap…)</translation>
        </message>
        <message>
            <source>Create order</source>
            <translation>Create order</translation>
        </message>
        <message>
            <source>Double-click a product (or press Enter) to add it.</source>
            <translation>Double-click a product (or press Enter) to add it.</translation>
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
            <translation>Dismiss</translation>
        </message>
        <message>
            <source>Hide this message</source>
            <translation>Hide this message</translation>
        </message>
        <message numerus="yes">
            <source>%1 (and %n earlier message(s))</source>
            <translation>
                <numerusform>%1 (and %n earlier message)</numerusform>
                <numerusform>%1 (and %n earlier messages)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::Order</name>
        <message>
            <source>Order %1</source>
            <translation>Order %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::OrderCard</name>
        <message>
            <source>Product %1 (not in the catalog)</source>
            <translation>Product %1 (not in the catalog)</translation>
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
            <translation>Tracking number: %1</translation>
        </message>
        <message>
            <source>Click for its stage, payment details, shipping…</source>
            <translation>Click for its stage, payment details, shipping…</translation>
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
            <translation>New</translation>
        </message>
        <message>
            <source>Pending payment</source>
            <translation>Pending payment</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Shipped</source>
            <translation>Shipped</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::OrdersDialog</name>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>All stages</source>
            <translation>All stages</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>Stage:</source>
            <translation>Stage:</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>From:</translation>
        </message>
        <message>
            <source>to:</source>
            <translation>to:</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Double-click an order to open its conversation; right-click to change its stage.</source>
            <translation>Double-click an order to open its conversation; right-click to change its stage.</translation>
        </message>
        <message>
            <source>%1: %2 · %3</source>
            <translation>%1: %2 · %3</translation>
        </message>
        <message>
            <source>No orders between these dates.</source>
            <translation>No orders between these dates.</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) — </source>
            <translation>
                <numerusform>%n order — </numerusform>
                <numerusform>%n orders — </numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::PrivacyDialog</name>
        <message>
            <source>Privacy</source>
            <translation>Privacy</translation>
        </message>
        <message>
            <source>Always (never remove)</source>
            <translation>Always (never remove)</translation>
        </message>
        <message>
            <source> months</source>
            <translation> months</translation>
        </message>
        <message>
            <source>Conversations nobody has written in for longer than this are removed, with their files; a customer left with no conversation is forgotten. A week before, Mostrador says how many will go. Backups keep them until they are replaced by newer ones.</source>
            <translation>Conversations nobody has written in for longer than this are removed, with their files; a customer left with no conversation is forgotten. A week before, Mostrador says how many will go. Backups keep them until they are replaced by newer ones.</translation>
        </message>
        <message>
            <source>When a customer asks for their data, or asks to be forgotten, use “Their data” in the customer pane.</source>
            <translation>When a customer asks for their data, or asks to be forgotten, use “Their data” in the customer pane.</translation>
        </message>
        <message>
            <source>&amp;Keep conversations for:</source>
            <translation>&amp;Keep conversations for:</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ProductDialog</name>
        <message>
            <source>New product</source>
            <translation>New product</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Made from the name if left empty</source>
            <translation>Made from the name if left empty</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>In stock</translation>
        </message>
        <message>
            <source>Sold out</source>
            <translation>Sold out</translation>
        </message>
        <message>
            <source>On order</source>
            <translation>On order</translation>
        </message>
        <message>
            <source>Choose photo…</source>
            <translation>Choose photo…</translation>
        </message>
        <message>
            <source>The product's photo</source>
            <translation>The product's photo</translation>
        </message>
        <message>
            <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
            <translation>Photos (*.jpg *.jpeg *.png *.webp)</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Id:</source>
            <translation>Id:</translation>
        </message>
        <message>
            <source>Description:</source>
            <translation>Description:</translation>
        </message>
        <message>
            <source>Price:</source>
            <translation>Price:</translation>
        </message>
        <message>
            <source>Stock:</source>
            <translation>Stock:</translation>
        </message>
        <message>
            <source>No photo</source>
            <translation>No photo</translation>
        </message>
        <message>
            <source>Write the product's name.</source>
            <translation>Write the product's name.</translation>
        </message>
        <message>
            <source>“%1” is not a price: write it as the customer reads it, e.g. 45.000 or 12,99.</source>
            <translation>“%1” is not a price: write it as the customer reads it, e.g. 45.000 or 12,99.</translation>
        </message>
        <message>
            <source>The currency is its three letters: COP, EUR, MXN, USD…</source>
            <translation>The currency is its three letters: COP, EUR, MXN, USD…</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ProductPicker</name>
        <message>
            <source>Send products</source>
            <translation>Send products</translation>
        </message>
        <message>
            <source>Search: name, description or id (accents not needed)</source>
            <translation>Search: name, description or id (accents not needed)</translation>
        </message>
        <message>
            <source>Optional: a few words with them</source>
            <translation>Optional: a few words with them</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>Send the whole catalog</source>
            <translation>Send the whole catalog</translation>
        </message>
        <message>
            <source>From the catalog on WhatsApp: the customer sees each product with its photo and price, and can add it to a cart.</source>
            <translation>From the catalog on WhatsApp: the customer sees each product with its photo and price, and can add it to a cart.</translation>
        </message>
        <message>
            <source>From the shop's own list: each product goes as its photo with the name and price.</source>
            <translation>From the shop's own list: each product goes as its photo with the name and price.</translation>
        </message>
        <message>
            <source>sold out</source>
            <translation>sold out</translation>
        </message>
        <message>
            <source>The catalog is empty: add products in Shop ▸ Catalog.</source>
            <translation>The catalog is empty: add products in Shop ▸ Catalog.</translation>
        </message>
        <message>
            <source>No product matches “%1”.</source>
            <translation>No product matches “%1”.</translation>
        </message>
        <message>
            <source>%1 chosen: WhatsApp shows at most %2 in one message.</source>
            <translation>%1 chosen: WhatsApp shows at most %2 in one message.</translation>
        </message>
        <message>
            <source>Tick the products to send, or press Enter to send the highlighted one.</source>
            <translation>Tick the products to send, or press Enter to send the highlighted one.</translation>
        </message>
        <message numerus="yes">
            <source>%n chosen (up to 30).</source>
            <translation>
                <numerusform>%n chosen (up to 30).</numerusform>
                <numerusform>%n chosen (up to 30).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ProductSend</name>
        <message>
            <source>sold out</source>
            <translation>sold out</translation>
        </message>
        <message>
            <source>Product: %1</source>
            <translation>Product: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s): %1</source>
            <translation>
                <numerusform>%n product: %1</numerusform>
                <numerusform>%n products: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose at least one product.</source>
            <translation>Choose at least one product.</translation>
        </message>
        <message>
            <source>Products for you</source>
            <translation>Products for you</translation>
        </message>
        <message>
            <source>Tap one to see it and add it to your cart.</source>
            <translation>Tap one to see it and add it to your cart.</translation>
        </message>
        <message>
            <source>The whole catalog can be sent only when the shop's catalog is on Meta (Commerce Manager).</source>
            <translation>The whole catalog can be sent only when the shop's catalog is on Meta (Commerce Manager).</translation>
        </message>
        <message>
            <source>Here is our catalog: tap a product to see it and add it to your cart.</source>
            <translation>Here is our catalog: tap a product to see it and add it to your cart.</translation>
        </message>
        <message>
            <source>The whole catalog</source>
            <translation>The whole catalog</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ProfilePreview</name>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Website</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::QuickRepliesDialog</name>
        <message>
            <source>Quick replies</source>
            <translation>Quick replies</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Up</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Down</translation>
        </message>
        <message>
            <source>envio (typed as /envio)</source>
            <translation>envio (typed as /envio)</translation>
        </message>
        <message>
            <source>Shipping to Bogotá</source>
            <translation>Shipping to Bogotá</translation>
        </message>
        <message>
            <source>Text of the reply</source>
            <translation>Text of the reply</translation>
        </message>
        <message>
            <source>Save this reply</source>
            <translation>Save this reply</translation>
        </message>
        <message>
            <source>Shortcut:</source>
            <translation>Shortcut:</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>Title:</translation>
        </message>
        <message>
            <source>Text:</source>
            <translation>Text:</translation>
        </message>
        <message>
            <source>As the customer sees it:</source>
            <translation>As the customer sees it:</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message numerus="yes">
            <source>(used %n time(s))</source>
            <translation>
                <numerusform>(used once)</numerusform>
                <numerusform>(used %n times)</numerusform>
            </translation>
        </message>
        <message>
            <source>Lucía Gómez</source>
            <translation>Lucía Gómez</translation>
        </message>
        <message>
            <source>your shop</source>
            <translation>your shop</translation>
        </message>
        <message>
            <source>Saved /%1.</source>
            <translation>Saved /%1.</translation>
        </message>
        <message>
            <source>Write the new reply, then Save this reply.</source>
            <translation>Write the new reply, then Save this reply.</translation>
        </message>
        <message>
            <source>Deleted /%1.</source>
            <translation>Deleted /%1.</translation>
        </message>
        <message>
            <source>Nothing was imported: %1</source>
            <translation>Nothing was imported: %1</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n new reply(ies)</source>
            <translation>
                <numerusform>Imported %n new reply</numerusform>
                <numerusform>Imported %n new replies</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n updated.</source>
            <translation>
                <numerusform>%n updated.</numerusform>
                <numerusform>%n updated.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reply(ies) saved to %1.</source>
            <translation>
                <numerusform>%n reply saved to %1.</numerusform>
                <numerusform>%n replies saved to %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import quick replies</source>
            <translation>Import quick replies</translation>
        </message>
        <message>
            <source>Quick replies (*.json *.csv)</source>
            <translation>Quick replies (*.json *.csv)</translation>
        </message>
        <message>
            <source>quick-replies</source>
            <translation>quick-replies</translation>
        </message>
        <message>
            <source>Export quick replies</source>
            <translation>Export quick replies</translation>
        </message>
        <message>
            <source>Mostrador file (*.json);;Spreadsheet (*.csv)</source>
            <translation>Mostrador file (*.json);;Spreadsheet (*.csv)</translation>
        </message>
        <message>
            <source>Files sent with this reply</source>
            <translation>Files sent with this reply</translation>
        </message>
        <message>
            <source>Add file…</source>
            <translation>Add file…</translation>
        </message>
        <message>
            <source>A file to send with this reply</source>
            <translation>A file to send with this reply</translation>
        </message>
        <message>
            <source>Remove file</source>
            <translation>Remove file</translation>
        </message>
        <message>
            <source>Files (price list, payment QR…):</source>
            <translation>Files (price list, payment QR…):</translation>
        </message>
        <message numerus="yes">
            <source>+ %n file(s)</source>
            <translation>
                <numerusform>+ %n file</numerusform>
                <numerusform>+ %n files</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 will go with this reply once you save it.</source>
            <translation>%1 will go with this reply once you save it.</translation>
        </message>
        <message>
            <source>A spreadsheet cannot carry the attached files: export as a Mostrador file to take them too.</source>
            <translation>A spreadsheet cannot carry the attached files: export as a Mostrador file to take them too.</translation>
        </message>
        <message>
            <source>Placeholders: {name} the customer's first name, {shop} the shop, {today} and {tomorrow} dates (the Spanish {nombre}, {tienda}, {hoy} and {mañana} work too).</source>
            <translation>Placeholders: {name} the customer's first name, {shop} the shop, {today} and {tomorrow} dates (the Spanish {nombre}, {tienda}, {hoy} and {mañana} work too).</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>The reply you are editing has changes that are not saved.</source>
            <translation>The reply you are editing has changes that are not saved.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::QuickReplyList</name>
        <message>
            <source>Quick replies</source>
            <translation>Quick replies</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ReportStrip</name>
        <message>
            <source>Open the reports</source>
            <translation>Open the reports</translation>
        </message>
        <message>
            <source>Reply today: %1</source>
            <translation>Reply today: %1</translation>
        </message>
        <message>
            <source>no replies yet</source>
            <translation>no replies yet</translation>
        </message>
        <message>
            <source>Waiting now: %1</source>
            <translation>Waiting now: %1</translation>
        </message>
        <message>
            <source>Lost this week: %1</source>
            <translation>Lost this week: %1</translation>
        </message>
        <message>
            <source>Counting today's figures…</source>
            <translation>Counting today's figures…</translation>
        </message>
        <message>
            <source>This month: %1</source>
            <translation>This month: %1</translation>
        </message>
        <message>
            <source>~%1 by the month's end</source>
            <translation>~%1 by the month's end</translation>
        </message>
        <message>
            <source>What WhatsApp has cost this month, by Meta's rate cards: %1 at this pace. Click to see this month's costs.</source>
            <translation>What WhatsApp has cost this month, by Meta's rate cards: %1 at this pace. Click to see this month's costs.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ReportsWindow</name>
        <message>
            <source>Counting the new period… (the figures below are the previous ones)</source>
            <translation>Counting the new period… (the figures below are the previous ones)</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>The report could not be made: %1</source>
            <translation>The report could not be made: %1</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>%1 to %2</translation>
        </message>
        <message>
            <source>Report for %1</source>
            <translation>Report for %1</translation>
        </message>
        <message>
            <source>Compared with %1. Counted at %2.</source>
            <translation>Compared with %1. Counted at %2.</translation>
        </message>
        <message>
            <source>90 %: %1</source>
            <translation>90 %: %1</translation>
        </message>
        <message>
            <source>counting open hours only: %1</source>
            <translation>counting open hours only: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n wait(s) answered</source>
            <translation>
                <numerusform>%n wait answered</numerusform>
                <numerusform>%n waits answered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>of %n wait(s) that began in the period — click to see them</source>
            <translation>
                <numerusform>of %n wait that began in the period — click to see it</numerusform>
                <numerusform>of %n waits that began in the period — click to see them</numerusform>
            </translation>
        </message>
        <message>
            <source>left unanswered until the 24-hour window closed: only a template can reach them now</source>
            <translation>left unanswered until the 24-hour window closed: only a template can reach them now</translation>
        </message>
        <message numerus="yes">
            <source>%n conversation(s) resolved</source>
            <translation>
                <numerusform>%n conversation resolved</numerusform>
                <numerusform>%n conversations resolved</numerusform>
            </translation>
        </message>
        <message>
            <source>new customers: %1 · returning: %2</source>
            <translation>new customers: %1 · returning: %2</translation>
        </message>
        <message>
            <source>%1 in · %2 out</source>
            <translation>%1 in · %2 out</translation>
        </message>
        <message>
            <source>by people: %1 · automatic: %2 · campaigns: %3 · imported: %4</source>
            <translation>by people: %1 · automatic: %2 · campaigns: %3 · imported: %4</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s)</source>
            <translation>
                <numerusform>%n message</numerusform>
                <numerusform>%n messages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>from %n chat(s)</source>
            <translation>
                <numerusform>from %n chat</numerusform>
                <numerusform>from %n chats</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 got the away reply</source>
            <translation>%1 got the away reply</translation>
        </message>
        <message>
            <source>Set your opening hours (Shop ▸ Opening hours and automatic replies) to see this.</source>
            <translation>Set your opening hours (Shop ▸ Opening hours and automatic replies) to see this.</translation>
        </message>
        <message>
            <source>%1 billable · %2 free</source>
            <translation>%1 billable · %2 free</translation>
        </message>
        <message>
            <source>Lost: the window closed</source>
            <translation>Lost: the window closed</translation>
        </message>
        <message>
            <source>Window still open</source>
            <translation>Window still open</translation>
        </message>
        <message>
            <source>Nobody was left waiting at the end of the period.</source>
            <translation>Nobody was left waiting at the end of the period.</translation>
        </message>
        <message>
            <source>Waiting at the end of the period (double-click to open)</source>
            <translation>Waiting at the end of the period (double-click to open)</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Last 7 days</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Last 30 days</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>This month</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Last month</translation>
        </message>
        <message>
            <source>Between two dates…</source>
            <translation>Between two dates…</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Rate card…</source>
            <translation>Rate card…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>Save figures (CSV)…</source>
            <translation>Save figures (CSV)…</translation>
        </message>
        <message>
            <source>Reply time (median)</source>
            <translation>Reply time (median)</translation>
        </message>
        <message>
            <source>Left waiting</source>
            <translation>Left waiting</translation>
        </message>
        <message>
            <source>Lost chats</source>
            <translation>Lost chats</translation>
        </message>
        <message>
            <source>Time to resolve (median)</source>
            <translation>Time to resolve (median)</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>Conversations</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>Messages</translation>
        </message>
        <message>
            <source>While closed</source>
            <translation>While closed</translation>
        </message>
        <message>
            <source>WhatsApp costs</source>
            <translation>WhatsApp costs</translation>
        </message>
        <message>
            <source>When customers write</source>
            <translation>When customers write</translation>
        </message>
        <message>
            <source>The team</source>
            <translation>The team</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>90 %</source>
            <translation>90 %</translation>
        </message>
        <message>
            <source>Arrivals from ads</source>
            <translation>Arrivals from ads</translation>
        </message>
        <message>
            <source>Ad</source>
            <translation>Ad</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Waiting since</source>
            <translation>Waiting since</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>The file could not be written there.</source>
            <translation>The file could not be written there.</translation>
        </message>
        <message>
            <source>Save the report as PDF</source>
            <translation>Save the report as PDF</translation>
        </message>
        <message>
            <source>report</source>
            <translation>report</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>The report was not saved as %1. %2</source>
            <translation>The report was not saved as %1. %2</translation>
        </message>
        <message>
            <source>Save the figures as CSV</source>
            <translation>Save the figures as CSV</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>The figures were not saved as %1: %2</source>
            <translation>The figures were not saved as %1: %2</translation>
        </message>
        <message>
            <source>Choose a rate card</source>
            <translation>Choose a rate card</translation>
        </message>
        <message>
            <source>Rate card (*.csv)</source>
            <translation>Rate card (*.csv)</translation>
        </message>
        <message>
            <source>your own</source>
            <translation>your own</translation>
        </message>
        <message>
            <source>Each message is priced by Meta's rate card of its own day (here: %1; %2). Your WhatsApp Manager shows what you are really billed.</source>
            <translation>Each message is priced by Meta's rate card of its own day (here: %1; %2). Your WhatsApp Manager shows what you are really billed.</translation>
        </message>
        <message numerus="yes">
            <source>Since %1 Meta bills replies inside the 24-hour window too: %n such message(s) billed in this period.</source>
            <translation>
                <numerusform>Since %1 Meta bills replies inside the 24-hour window too: %n such message billed in this period.</numerusform>
                <numerusform>Since %1 Meta bills replies inside the 24-hour window too: %n such messages billed in this period.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Replies inside the 24-hour window were free until %1: %n such message(s) in this period.</source>
            <translation>
                <numerusform>Replies inside the 24-hour window were free until %1: %n such message in this period.</numerusform>
                <numerusform>Replies inside the 24-hour window were free until %1: %n such messages in this period.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Automatic replies (greeting, away message): %1 for %n billed message(s).</source>
            <translation>
                <numerusform>Automatic replies (greeting, away message): %1 for %n billed message.</numerusform>
                <numerusform>Automatic replies (greeting, away message): %1 for %n billed messages.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) written by Meta's AI agent: Meta bills those by their length, so they have no price here.</source>
            <translation>
                <numerusform>%n message written by Meta's AI agent: Meta bills it by its length, so it has no price here.</numerusform>
                <numerusform>%n messages written by Meta's AI agent: Meta bills those by their length, so they have no price here.</numerusform>
            </translation>
        </message>
        <message>
            <source>Price WhatsApp's messages with a newer rate card (a CSV file: country, marketing, utility, authentication, service; dated with "# effective:")</source>
            <translation>Price WhatsApp's messages with a newer rate card (a CSV file: country, marketing, utility, authentication, service; dated with "# effective:")</translation>
        </message>
        <message>
            <source>WhatsApp cost</source>
            <translation>WhatsApp cost</translation>
        </message>
        <message numerus="yes">
            <source>by the card of %1: %2 for %n billed message(s)</source>
            <translation>
                <numerusform>by the card of %1: %2 for %n billed message</numerusform>
                <numerusform>by the card of %1: %2 for %n billed messages</numerusform>
            </translation>
        </message>
        <message>
            <source>This period crosses a change of Meta's prices: %1.</source>
            <translation>This period crosses a change of Meta's prices: %1.</translation>
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
        <name>Mostrador::SetupWizard</name>
        <message>
            <source>Connect your WhatsApp Business number</source>
            <translation>Connect your WhatsApp Business number</translation>
        </message>
        <message>
            <source>Mostrador talks to WhatsApp through Meta's official Cloud API. You need, once:

1. A Meta developer account and an app of type Business with the WhatsApp product (developers.facebook.com ▸ My apps ▸ Create app).
2. Your shop's number added in WhatsApp ▸ API Setup (a number not in use in the WhatsApp app).
3. A permanent access token from a system user (Business settings ▸ Users ▸ System users).

The next pages say where to find each value. Nothing is sent to customers while you set up.</source>
            <translation>Mostrador talks to WhatsApp through Meta's official Cloud API. You need, once:

1. A Meta developer account and an app of type Business with the WhatsApp product (developers.facebook.com ▸ My apps ▸ Create app).
2. Your shop's number added in WhatsApp ▸ API Setup (a number not in use in the WhatsApp app).
3. A permanent access token from a system user (Business settings ▸ Users ▸ System users).

The next pages say where to find each value. Nothing is sent to customers while you set up.</translation>
        </message>
        <message>
            <source>Connect my number</source>
            <translation>Connect my number</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ShopCampaigns</name>
        <message>
            <source>Templates</source>
            <translation>Templates</translation>
        </message>
        <message>
            <source>The number's templates could not be read: %1</source>
            <translation>The number's templates could not be read: %1</translation>
        </message>
        <message>
            <source>Meta's prices</source>
            <translation>Meta's prices</translation>
        </message>
        <message>
            <source>Rate cards (*.csv)</source>
            <translation>Rate cards (*.csv)</translation>
        </message>
        <message>
            <source>Rate card</source>
            <translation>Rate card</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ShopDialogs</name>
        <message>
            <source>The opening hours and automatic replies were not saved.</source>
            <translation>The opening hours and automatic replies were not saved.</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>The retention period was not saved.</source>
            <translation>The retention period was not saved.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ShopOrders</name>
        <message numerus="yes">
            <source>%n product(s) read from the catalog on WhatsApp.</source>
            <translation>
                <numerusform>%n product read from the catalog on WhatsApp.</numerusform>
                <numerusform>%n products read from the catalog on WhatsApp.</numerusform>
            </translation>
        </message>
        <message>
            <source>This conversation has no order yet: a cart the customer sends becomes one, or write one with New order… in the customer's panel.</source>
            <translation>This conversation has no order yet: a cart the customer sends becomes one, or write one with New order… in the customer's panel.</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Send payment details</source>
            <translation>Send payment details</translation>
        </message>
        <message>
            <source>Mark as paid</source>
            <translation>Mark as paid</translation>
        </message>
        <message>
            <source>Mark as shipped…</source>
            <translation>Mark as shipped…</translation>
        </message>
        <message>
            <source>All orders…</source>
            <translation>All orders…</translation>
        </message>
        <message>
            <source>The order's stage could not be saved: %1</source>
            <translation>The order's stage could not be saved: %1</translation>
        </message>
        <message>
            <source>The customer last wrote more than 24 hours ago, so WhatsApp only lets a template through: send the payment reminder template from the box below.</source>
            <translation>The customer last wrote more than 24 hours ago, so WhatsApp only lets a template through: send the payment reminder template from the box below.</translation>
        </message>
        <message>
            <source>Write your payment details once as a quick reply with the shortcut /pago (Shop ▸ Quick replies): the bank account, the Nequi, Bizum or MercadoPago link, a QR image. This button then puts it in the message box.</source>
            <translation>Write your payment details once as a quick reply with the shortcut /pago (Shop ▸ Quick replies): the bank account, the Nequi, Bizum or MercadoPago link, a QR image. This button then puts it in the message box.</translation>
        </message>
        <message>
            <source>Mark as shipped</source>
            <translation>Mark as shipped</translation>
        </message>
        <message>
            <source>Tracking number (leave empty if there is none):</source>
            <translation>Tracking number (leave empty if there is none):</translation>
        </message>
        <message>
            <source>The “shipped” message could not be sent: %1</source>
            <translation>The “shipped” message could not be sent: %1</translation>
        </message>
        <message>
            <source>The order could not be saved: %1</source>
            <translation>The order could not be saved: %1</translation>
        </message>
        <message>
            <source>Export orders</source>
            <translation>Export orders</translation>
        </message>
        <message>
            <source>orders.csv</source>
            <translation>orders.csv</translation>
        </message>
        <message>
            <source>Spreadsheet (*.csv)</source>
            <translation>Spreadsheet (*.csv)</translation>
        </message>
        <message>
            <source>The orders could not be written to %1: %2</source>
            <translation>The orders could not be written to %1: %2</translation>
        </message>
        <message>
            <source>Reading the catalog from WhatsApp…</source>
            <translation>Reading the catalog from WhatsApp…</translation>
        </message>
        <message>
            <source>Remove product</source>
            <translation>Remove product</translation>
        </message>
        <message>
            <source>Remove “%1” from the shop's list? Orders that have it keep it.</source>
            <translation>Remove “%1” from the shop's list? Orders that have it keep it.</translation>
        </message>
        <message>
            <source>Import products</source>
            <translation>Import products</translation>
        </message>
        <message>
            <source>Spreadsheet (*.csv *.txt)</source>
            <translation>Spreadsheet (*.csv *.txt)</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>line %1: %2</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) imported.</source>
            <translation>
                <numerusform>%n product imported.</numerusform>
                <numerusform>%n products imported.</numerusform>
            </translation>
        </message>
        <message>
            <source>Rows not read — %1.</source>
            <translation>Rows not read — %1.</translation>
        </message>
        <message>
            <source>Export products</source>
            <translation>Export products</translation>
        </message>
        <message>
            <source>catalog.csv</source>
            <translation>catalog.csv</translation>
        </message>
        <message>
            <source>The products could not be written to %1: %2</source>
            <translation>The products could not be written to %1: %2</translation>
        </message>
        <message>
            <source>Written to %1, in the columns of Meta's catalog feed.</source>
            <translation>Written to %1, in the columns of Meta's catalog feed.</translation>
        </message>
        <message>
            <source>The product could not be saved: %1</source>
            <translation>The product could not be saved: %1</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ShopReports</name>
        <message>
            <source>Rate card not used</source>
            <translation>Rate card not used</translation>
        </message>
        <message>
            <source>%1 was not used as the rate card. %2</source>
            <translation>%1 was not used as the rate card. %2</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Search messages and customers (also Ctrl+F)</source>
            <translation>Search messages and customers (also Ctrl+F)</translation>
        </message>
        <message>
            <source>Previous conversation</source>
            <translation>Previous conversation</translation>
        </message>
        <message>
            <source>Next conversation</source>
            <translation>Next conversation</translation>
        </message>
        <message>
            <source>Next conversation with unread messages</source>
            <translation>Next conversation with unread messages</translation>
        </message>
        <message>
            <source>Resolve this conversation and open the next one waiting</source>
            <translation>Resolve this conversation and open the next one waiting</translation>
        </message>
        <message>
            <source>Send the message</source>
            <translation>Send the message</translation>
        </message>
        <message>
            <source>New line in the message</source>
            <translation>New line in the message</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
        <message>
            <source>What they do</source>
            <translation>What they do</translation>
        </message>
        <message>
            <source>Mark this conversation read (and tell the customer)</source>
            <translation>Mark this conversation read (and tell the customer)</translation>
        </message>
        <message>
            <source>Write to a customer first (new conversation)</source>
            <translation>Write to a customer first (new conversation)</translation>
        </message>
        <message>
            <source>Enter</source>
            <comment>the Return key, as printed on the keyboard</comment>
            <translation>Enter</translation>
        </message>
        <message>
            <source>This conversation's order: its stage (then 1–6), payment details, shipping</source>
            <translation>This conversation's order: its stage (then 1–6), payment details, shipping</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::SteadyList</name>
        <message numerus="yes">
            <source>%n new ↑</source>
            <translation>
                <numerusform>%n new ↑</numerusform>
                <numerusform>%n new ↑</numerusform>
            </translation>
        </message>
        <message>
            <source>Conversations changed while you were pointing at the list: click to put them in their place.</source>
            <translation>Conversations changed while you were pointing at the list: click to put them in their place.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TeamBar</name>
        <message>
            <source>Private note</source>
            <translation>Private note</translation>
        </message>
        <message>
            <source>For the team only; the customer never sees it:</source>
            <translation>For the team only; the customer never sees it:</translation>
        </message>
        <message>
            <source>Nobody</source>
            <translation>Nobody</translation>
        </message>
        <message>
            <source>%1 (me)</source>
            <translation>%1 (me)</translation>
        </message>
        <message>
            <source>✎ %1 is replying…</source>
            <translation>✎ %1 is replying…</translation>
        </message>
        <message>
            <source>Private note · %1 · %2: %3</source>
            <translation>Private note · %1 · %2: %3</translation>
        </message>
        <message>
            <source>Assigned to:</source>
            <translation>Assigned to:</translation>
        </message>
        <message>
            <source>Who answers this conversation</source>
            <translation>Who answers this conversation</translation>
        </message>
        <message>
            <source>Private note…</source>
            <translation>Private note…</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TeamDialog</name>
        <message>
            <source>&amp;Add a person…</source>
            <translation>&amp;Add a person…</translation>
        </message>
        <message>
            <source>&amp;End access…</source>
            <translation>&amp;End access…</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Each person signs in to the team's database with their own address. They can answer customers, write notes and use labels; only you change the shop's settings, quick replies and team. Ending someone's access closes their session at once; what they wrote stays.</source>
            <translation>Each person signs in to the team's database with their own address. They can answer customers, write notes and use labels; only you change the shop's settings, quick replies and team. Ending someone's access closes their session at once; what they wrote stays.</translation>
        </message>
        <message>
            <source>Add a person</source>
            <translation>Add a person</translation>
        </message>
        <message>
            <source>Their name, as the team will see it:</source>
            <translation>Their name, as the team will see it:</translation>
        </message>
        <message>
            <source>End %1's access?</source>
            <translation>End %1's access?</translation>
        </message>
        <message>
            <source>%1 is signed out at once and cannot sign in again. Their conversations go back to the team; what they wrote stays under their name.</source>
            <translation>%1 is signed out at once and cannot sign in again. Their conversations go back to the team; what they wrote stays under their name.</translation>
        </message>
        <message>
            <source>%1 (owner)</source>
            <translation>%1 (owner)</translation>
        </message>
        <message>
            <source>Give %1 this address once, privately (it is not shown again). On their computer: mostrador --db "ADDRESS"; Mostrador then keeps the password in that computer's keychain.</source>
            <translation>Give %1 this address once, privately (it is not shown again). On their computer: mostrador --db "ADDRESS"; Mostrador then keeps the password in that computer's keychain.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TeamMedia</name>
        <message>
            <source>Could not get %1 from the server: %2</source>
            <translation>Could not get %1 from the server: %2</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TeamSession</name>
        <message>
            <source>Team mode</source>
            <translation>Team mode</translation>
        </message>
        <message>
            <source>Your name, as your colleagues will see it:</source>
            <translation>Your name, as your colleagues will see it:</translation>
        </message>
        <message>
            <source>%1 was not added: %2</source>
            <translation>%1 was not added: %2</translation>
        </message>
        <message>
            <source>%1 still has access: %2</source>
            <translation>%1 still has access: %2</translation>
        </message>
        <message>
            <source>%1 no longer has access to the team's database.</source>
            <translation>%1 no longer has access to the team's database.</translation>
        </message>
        <message>
            <source>The conversation was not handed over: %1</source>
            <translation>The conversation was not handed over: %1</translation>
        </message>
        <message>
            <source>The note was not saved: %1 It is kept: press “Private note…” to try again.</source>
            <translation>The note was not saved: %1 It is kept: press “Private note…” to try again.</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TemplateEditor</name>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Spanish</source>
            <translation>Spanish</translation>
        </message>
        <message>
            <source>New template</source>
            <translation>New template</translation>
        </message>
        <message>
            <source>for example: manta_llego</source>
            <translation>for example: manta_llego</translation>
        </message>
        <message>
            <source>Utility: an order, a delivery, a reminder</source>
            <translation>Utility: an order, a delivery, a reminder</translation>
        </message>
        <message>
            <source>Marketing: offers, news, invitations (costs more)</source>
            <translation>Marketing: offers, news, invitations (costs more)</translation>
        </message>
        <message>
            <source>Authentication: a one-time code (WhatsApp writes the text)</source>
            <translation>Authentication: a one-time code (WhatsApp writes the text)</translation>
        </message>
        <message>
            <source>Also in English</source>
            <translation>Also in English</translation>
        </message>
        <message>
            <source>No header</source>
            <translation>No header</translation>
        </message>
        <message>
            <source>A line of text</source>
            <translation>A line of text</translation>
        </message>
        <message>
            <source>An image</source>
            <translation>An image</translation>
        </message>
        <message>
            <source>for example: Responde BAJA si no quieres recibir más</source>
            <translation>for example: Responde BAJA si no quieres recibir más</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Header</source>
            <translation>Header</translation>
        </message>
        <message>
            <source>Text in Spanish</source>
            <translation>Text in Spanish</translation>
        </message>
        <message>
            <source>Text in English</source>
            <translation>Text in English</translation>
        </message>
        <message>
            <source>Button</source>
            <translation>Button</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Link or number</source>
            <translation>Link or number</translation>
        </message>
        <message>
            <source>Add a button</source>
            <translation>Add a button</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Footer</source>
            <translation>Footer</translation>
        </message>
        <message>
            <source>As the customer sees it:</source>
            <translation>As the customer sees it:</translation>
        </message>
        <message>
            <source>Submit for review</source>
            <translation>Submit for review</translation>
        </message>
        <message>
            <source>It will be named %1</source>
            <translation>It will be named %1</translation>
        </message>
        <message>
            <source>%1: %2. Meta usually answers within minutes, at most in a day.</source>
            <translation>%1: %2. Meta usually answers within minutes, at most in a day.</translation>
        </message>
        <message>
            <source>Meta did not take it: %1</source>
            <translation>Meta did not take it: %1</translation>
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
            <translation>Variables go in double braces: {{1}}, {{2}}, or {{first_name}}. An example of each for Meta:</translation>
        </message>
        <message>
            <source>Quick reply</source>
            <translation>Quick reply</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Call</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>Images (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>New template from %1</source>
            <translation>New template from %1</translation>
        </message>
        <message>
            <source>Meta's rules are met: it can be submitted.</source>
            <translation>Meta's rules are met: it can be submitted.</translation>
        </message>
        <message>
            <source>Before submitting:</source>
            <translation>Before submitting:</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <source>A video</source>
            <translation>A video</translation>
        </message>
        <message>
            <source>A document</source>
            <translation>A document</translation>
        </message>
        <message>
            <source>Choose the example file…</source>
            <translation>Choose the example file…</translation>
        </message>
        <message>
            <source>Videos (*.mp4 *.3gp)</source>
            <translation>Videos (*.mp4 *.3gp)</translation>
        </message>
        <message>
            <source>Documents (*.pdf)</source>
            <translation>Documents (*.pdf)</translation>
        </message>
        <message>
            <source>The header's example</source>
            <translation>The header's example</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TemplatePicker</name>
        <message>
            <source>Spanish</source>
            <translation>Spanish</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Portuguese</source>
            <translation>Portuguese</translation>
        </message>
        <message>
            <source>Catalan</source>
            <translation>Catalan</translation>
        </message>
        <message>
            <source>French</source>
            <translation>French</translation>
        </message>
        <message>
            <source>Italian</source>
            <translation>Italian</translation>
        </message>
        <message>
            <source>German</source>
            <translation>German</translation>
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
            <translation>The customer's name</translation>
        </message>
        <message>
            <source>Fills {{%1}} in the template</source>
            <translation>Fills {{%1}} in the template</translation>
        </message>
        <message>
            <source>No approved template to offer. Tick "Meta's examples" to see them.</source>
            <translation>No approved template to offer. Tick "Meta's examples" to see them.</translation>
        </message>
        <message>
            <source>Send template</source>
            <translation>Send template</translation>
        </message>
        <message>
            <source>Approved templates</source>
            <translation>Approved templates</translation>
        </message>
        <message>
            <source>Meta's examples</source>
            <translation>Meta's examples</translation>
        </message>
        <message>
            <source>Show the sample templates Meta gives every new account, such as hello_world</source>
            <translation>Show the sample templates Meta gives every new account, such as hello_world</translation>
        </message>
        <message>
            <source>%1 · promotion: they said no</source>
            <translation>%1 · promotion: they said no</translation>
        </message>
        <message>
            <source>Send a promotion to someone who said no?</source>
            <translation>Send a promotion to someone who said no?</translation>
        </message>
        <message>
            <source>%1

“%2” is a promotion (a marketing template). Sending it goes against what the customer asked, and WhatsApp may limit the shop's number if customers report it.

If you send it anyway, it is recorded with your name.</source>
            <translation>%1

“%2” is a promotion (a marketing template). Sending it goes against what the customer asked, and WhatsApp may limit the shop's number if customers report it.

If you send it anyway, it is recorded with your name.</translation>
        </message>
        <message>
            <source>Send it anyway</source>
            <translation>Send it anyway</translation>
        </message>
        <message>
            <source>Don't send</source>
            <translation>Don't send</translation>
        </message>
        <message>
            <source>%1 This template is a promotion: it is not sent to them unless you confirm it.</source>
            <translation>%1 This template is a promotion: it is not sent to them unless you confirm it.</translation>
        </message>
        <message>
            <source>Send anyway…</source>
            <translation>Send anyway…</translation>
        </message>
        <message>
            <source>No approved templates yet. Create them in Shop ▸ Templates.</source>
            <translation>No approved templates yet. Create them in Shop ▸ Templates.</translation>
        </message>
        <message>
            <source>Billed: ~%1 (Meta's %2 rate for this customer's country)</source>
            <translation>Billed: ~%1 (Meta's %2 rate for this customer's country)</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::TemplatesDialog</name>
        <message>
            <source>Templates</source>
            <translation>Templates</translation>
        </message>
        <message>
            <source>Templates are the messages Meta approves for writing first, or after 24 hours without hearing from a customer.</source>
            <translation>Templates are the messages Meta approves for writing first, or after 24 hours without hearing from a customer.</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Template</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Meta's review</source>
            <translation>Meta's review</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>Quality</translation>
        </message>
        <message>
            <source>Reading the number's templates…</source>
            <translation>Reading the number's templates…</translation>
        </message>
        <message>
            <source>As the customer sees it:</source>
            <translation>As the customer sees it:</translation>
        </message>
        <message>
            <source>New template…</source>
            <translation>New template…</translation>
        </message>
        <message>
            <source>New from this one…</source>
            <translation>New from this one…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Meta did not answer: %1</source>
            <translation>Meta did not answer: %1</translation>
        </message>
        <message>
            <source>%1 (%2) is %3: customers did not like it (blocked or reported the shop). It cannot be sent for now.</source>
            <translation>%1 (%2) is %3: customers did not like it (blocked or reported the shop). It cannot be sent for now.</translation>
        </message>
        <message numerus="yes">
            <source>%n template(s).</source>
            <translation>
                <numerusform>%n template.</numerusform>
                <numerusform>%n templates.</numerusform>
            </translation>
        </message>
        <message>
            <source>Name: %1</source>
            <translation>Name: %1</translation>
        </message>
        <message>
            <source>Rejected: %1</source>
            <translation>Rejected: %1</translation>
        </message>
        <message>
            <source>Meta gave no reason.</source>
            <translation>Meta gave no reason.</translation>
        </message>
        <message>
            <source>Write it again under a new name, changing what Meta pointed out.</source>
            <translation>Write it again under a new name, changing what Meta pointed out.</translation>
        </message>
        <message>
            <source>Meta usually answers within minutes, at most in a day; it shows here when it does.</source>
            <translation>Meta usually answers within minutes, at most in a day; it shows here when it does.</translation>
        </message>
        <message>
            <source>Marketing messages cost more, and WhatsApp may hold some back from people who get many.</source>
            <translation>Marketing messages cost more, and WhatsApp may hold some back from people who get many.</translation>
        </message>
        <message>
            <source>Delete %1?</source>
            <translation>Delete %1?</translation>
        </message>
        <message>
            <source>%1 is deleted in every language, and messages waiting to use it will not go.

Meta keeps the name for %2 days: no new template can be called %1 until %3.</source>
            <translation>%1 is deleted in every language, and messages waiting to use it will not go.

Meta keeps the name for %2 days: no new template can be called %1 until %3.</translation>
        </message>
        <message>
            <source>Deleting %1…</source>
            <translation>Deleting %1…</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::ThreadPane</name>
        <message>
            <source>Messages</source>
            <translation>Messages</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Resolve and next</source>
            <translation>Resolve and next</translation>
        </message>
        <message>
            <source>Marks this conversation resolved and opens the next one waiting for an answer (Ctrl+Enter)</source>
            <translation>Marks this conversation resolved and opens the next one waiting for an answer (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Send again</translation>
        </message>
        <message>
            <source>Send a template instead</source>
            <translation>Send a template instead</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Discard</translation>
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
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Resolved</translation>
        </message>
        <message>
            <source>Conversation status</source>
            <translation>Conversation status</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>Save a copy…</source>
            <translation>Save a copy…</translation>
        </message>
        <message>
            <source>Save a copy</source>
            <translation>Save a copy</translation>
        </message>
        <message>
            <source>Could not save the copy to %1.</source>
            <translation>Could not save the copy to %1.</translation>
        </message>
        <message>
            <source>Kept on this computer: it will be stored and sent when the connection returns.</source>
            <translation>Kept on this computer: it will be stored and sent when the connection returns.</translation>
        </message>
        <message>
            <source>Send it again</source>
            <translation>Send it again</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::UndoToast</name>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::WebhookPage</name>
        <message>
            <source>Where Meta sends your messages</source>
            <translation>Where Meta sends your messages</translation>
        </message>
        <message>
            <source>WhatsApp delivers customers' messages to an address on the internet (a "webhook"). Choose which machine receives them.</source>
            <translation>WhatsApp delivers customers' messages to an address on the internet (a "webhook"). Choose which machine receives them.</translation>
        </message>
        <message>
            <source>This computer, while Mostrador is open</source>
            <translation>This computer, while Mostrador is open</translation>
        </message>
        <message>
            <source>mostrador-server on an always-on machine (recommended for a shop that closes this PC at night)</source>
            <translation>mostrador-server on an always-on machine (recommended for a shop that closes this PC at night)</translation>
        </message>
        <message>
            <source>Start receiving</source>
            <translation>Start receiving</translation>
        </message>
        <message>
            <source>Meta's verification request: not yet.</source>
            <translation>Meta's verification request: not yet.</translation>
        </message>
        <message>
            <source>Signed events: none yet.</source>
            <translation>Signed events: none yet.</translation>
        </message>
        <message>
            <source>Port on this computer:</source>
            <translation>Port on this computer:</translation>
        </message>
        <message>
            <source>Verify token:</source>
            <translation>Verify token:</translation>
        </message>
        <message>
            <source>Then, in Meta's dashboard (WhatsApp ▸ Configuration ▸ Webhook ▸ Edit): paste the callback URL and the verify token, press Verify and save, and subscribe to the "messages" field. Meta only calls https addresses on the internet: expose this port with a tunnel (for example cloudflared tunnel --url http://localhost:PORT) or your router, and paste that address followed by /webhook.</source>
            <translation>Then, in Meta's dashboard (WhatsApp ▸ Configuration ▸ Webhook ▸ Edit): paste the callback URL and the verify token, press Verify and save, and subscribe to the "messages" field. Meta only calls https addresses on the internet: expose this port with a tunnel (for example cloudflared tunnel --url http://localhost:PORT) or your router, and paste that address followed by /webhook.</translation>
        </message>
        <message>
            <source>Port %1 is in use by another program. Choose another port.</source>
            <translation>Port %1 is in use by another program. Choose another port.</translation>
        </message>
        <message>
            <source>Receiving. Callback URL on this network:
%1</source>
            <translation>Receiving. Callback URL on this network:
%1</translation>
        </message>
        <message>
            <source>✓ Meta's verification request arrived at %1 and was accepted.</source>
            <translation>✓ Meta's verification request arrived at %1 and was accepted.</translation>
        </message>
        <message>
            <source>⚠ A verification request arrived at %1 with another verify token and was refused: paste exactly the one above.</source>
            <translation>⚠ A verification request arrived at %1 with another verify token and was refused: paste exactly the one above.</translation>
        </message>
        <message numerus="yes">
            <source>✓ Signed events are flowing: %n received, the last at %1.</source>
            <translation>
                <numerusform>✓ Signed events are flowing: %n received, the last at %1.</numerusform>
                <numerusform>✓ Signed events are flowing: %n received, the last at %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>An event arrived with a signature that does not match the app secret. Check the app secret on the previous page.</source>
            <translation>An event arrived with a signature that does not match the app secret. Check the app secret on the previous page.</translation>
        </message>
        <message>
            <source>Install Mostrador on the always-on machine, put the same values in /etc/mostrador/mostrador.env (see /usr/share/doc/mostrador/mostrador.env.example; secrets can live in files named by *_FILE) and start it with: systemctl enable --now mostrador-server. Then paste its https address ending in /webhook and this verify token into Meta's dashboard. To see its messages here: on the same machine, open its database with mostrador --db; from other computers, use team mode, where the service and every desktop share one PostgreSQL database (mostrador --db postgres://…, see the guide's team section).</source>
            <translation>Install Mostrador on the always-on machine, put the same values in /etc/mostrador/mostrador.env (see /usr/share/doc/mostrador/mostrador.env.example; secrets can live in files named by *_FILE) and start it with: systemctl enable --now mostrador-server. Then paste its https address ending in /webhook and this verify token into Meta's dashboard. To see its messages here: on the same machine, open its database with mostrador --db; from other computers, use team mode, where the service and every desktop share one PostgreSQL database (mostrador --db postgres://…, see the guide's team section).</translation>
        </message>
    </context>
    <context>
        <name>Mostrador::WeekEditor</name>
        <message>
            <source>e.g. 09:00-13:00 16:00-20:00</source>
            <translation>e.g. 09:00-13:00 16:00-20:00</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Opening hours on %1</source>
            <translation>Opening hours on %1</translation>
        </message>
        <message>
            <source>Time zone of the shop:</source>
            <translation>Time zone of the shop:</translation>
        </message>
        <message>
            <source>Time zone of the shop</source>
            <translation>Time zone of the shop</translation>
        </message>
        <message>
            <source>Closed dates</source>
            <translation>Closed dates</translation>
        </message>
        <message>
            <source>Date to add as closed</source>
            <translation>Date to add as closed</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Closed dates (holidays):</source>
            <translation>Closed dates (holidays):</translation>
        </message>
        <message>
            <source>On vacation from</source>
            <translation>On vacation from</translation>
        </message>
        <message>
            <source>First day of the vacation</source>
            <translation>First day of the vacation</translation>
        </message>
        <message>
            <source>Last day of the vacation</source>
            <translation>Last day of the vacation</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Choose the shop's time zone from the list (for example America/Bogota or Europe/Madrid).</source>
            <translation>Choose the shop's time zone from the list (for example America/Bogota or Europe/Madrid).</translation>
        </message>
        <message>
            <source>The vacation ends before it starts.</source>
            <translation>The vacation ends before it starts.</translation>
        </message>
        <message>
            <source>Open now (shop's time). Next opening after this: %1.</source>
            <translation>Open now (shop's time). Next opening after this: %1.</translation>
        </message>
        <message>
            <source>Closed now (shop's time). Opens %1.</source>
            <translation>Closed now (shop's time). Opens %1.</translation>
        </message>
        <message>
            <source>Closed now, and no opening in the next year.</source>
            <translation>Closed now, and no opening in the next year.</translation>
        </message>
        <message>
            <source>Closed every day (%1)</source>
            <translation>Closed every day (%1)</translation>
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
            <translation>New order</translation>
        </message>
        <message>
            <source>Pending payment</source>
            <translation>Pending payment</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Shipped</source>
            <translation>Shipped</translation>
        </message>
        <message>
            <source>Follow up</source>
            <translation>Follow up</translation>
        </message>
        <message>
            <source>Sending %1…</source>
            <translation>Sending %1…</translation>
        </message>
        <message>
            <source>Block %1?</source>
            <translation>Block %1?</translation>
        </message>
        <message>
            <source>%1 will not be able to write to the shop, and the shop will not be able to write to them. The conversation stays here. You can unblock them later.</source>
            <translation>%1 will not be able to write to the shop, and the shop will not be able to write to them. The conversation stays here. You can unblock them later.</translation>
        </message>
        <message>
            <source>Not blocked</source>
            <translation>Not blocked</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) or status(es) from WhatsApp could not be stored and were kept aside exactly as they came, with the reason; everything else was stored. Nothing is lost: make a backup and send it to Mostrador's support so they can be looked at.</source>
            <translation>
                <numerusform>%n message or status from WhatsApp could not be stored and was kept aside exactly as it came, with the reason; everything else was stored. Nothing is lost: make a backup and send it to Mostrador's support so it can be looked at.</numerusform>
                <numerusform>%n messages or statuses from WhatsApp could not be stored and were kept aside exactly as they came, with the reason; everything else was stored. Nothing is lost: make a backup and send it to Mostrador's support so they can be looked at.</numerusform>
            </translation>
        </message>
        <message>
            <source>Resolved: %1</source>
            <translation>Resolved: %1</translation>
        </message>
        <message>
            <source>Read here, but the customer will not see it as read: %1</source>
            <translation>Read here, but the customer will not see it as read: %1</translation>
        </message>
        <message>
            <source>The conversation's status was not changed: %1</source>
            <translation>The conversation's status was not changed: %1</translation>
        </message>
        <message>
            <source>The order labels could not be created: %1</source>
            <translation>The order labels could not be created: %1</translation>
        </message>
        <message>
            <source>The promotion was sent, but it could not be noted that it went past the customer's no: %1</source>
            <translation>The promotion was sent, but it could not be noted that it went past the customer's no: %1</translation>
        </message>
    </context>
    <context>
        <name>OpeningHours</name>
        <message>
            <source>Unknown time zone; use a name such as America/Bogota or Europe/Madrid.</source>
            <translation>Unknown time zone; use a name such as America/Bogota or Europe/Madrid.</translation>
        </message>
        <message>
            <source>"%1" is not a day or a range of days such as mon-fri.</source>
            <translation>"%1" is not a day or a range of days such as mon-fri.</translation>
        </message>
        <message>
            <source>"%1" is not a time span such as 09:00-13:00.</source>
            <translation>"%1" is not a time span such as 09:00-13:00.</translation>
        </message>
        <message>
            <source>%1 overlaps %2: a day's hours must not cross.</source>
            <translation>%1 overlaps %2: a day's hours must not cross.</translation>
        </message>
        <message>
            <source>Write the hours, for example 09:00-13:00 16:00-20:00.</source>
            <translation>Write the hours, for example 09:00-13:00 16:00-20:00.</translation>
        </message>
        <message>
            <source>%1 does not exist.</source>
            <translation>%1 does not exist.</translation>
        </message>
        <message>
            <source>%1 closes before it opens.</source>
            <translation>%1 closes before it opens.</translation>
        </message>
    </context>
    <context>
        <name>PhoneNumbers</name>
        <message>
            <source>Type a phone number, with its country code if it is from another country (for example +52 55 1234 5678).</source>
            <translation>Type a phone number, with its country code if it is from another country (for example +52 55 1234 5678).</translation>
        </message>
        <message>
            <source>%1 does not look like a phone number.</source>
            <translation>%1 does not look like a phone number.</translation>
        </message>
        <message>
            <source>%1 does not look like a phone number. If it is from another country, start with + and its country code.</source>
            <translation>%1 does not look like a phone number. If it is from another country, start with + and its country code.</translation>
        </message>
        <message>
            <source>%1 has too few or too many digits for a phone number of that country.</source>
            <translation>%1 has too few or too many digits for a phone number of that country.</translation>
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
            <translation>Utility</translation>
        </message>
        <message>
            <source>Authentication</source>
            <translation>Authentication</translation>
        </message>
        <message>
            <source>Authentication (international)</source>
            <translation>Authentication (international)</translation>
        </message>
        <message>
            <source>Service (replies)</source>
            <translation>Service (replies)</translation>
        </message>
    </context>
    <context>
        <name>ProfileRules</name>
        <message>
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Automotive</source>
            <translation>Automotive</translation>
        </message>
        <message>
            <source>Beauty, spa and salon</source>
            <translation>Beauty, spa and salon</translation>
        </message>
        <message>
            <source>Clothing and apparel</source>
            <translation>Clothing and apparel</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>Education</translation>
        </message>
        <message>
            <source>Entertainment</source>
            <translation>Entertainment</translation>
        </message>
        <message>
            <source>Event planning and service</source>
            <translation>Event planning and service</translation>
        </message>
        <message>
            <source>Finance and banking</source>
            <translation>Finance and banking</translation>
        </message>
        <message>
            <source>Food and grocery</source>
            <translation>Food and grocery</translation>
        </message>
        <message>
            <source>Public service</source>
            <translation>Public service</translation>
        </message>
        <message>
            <source>Hotel and lodging</source>
            <translation>Hotel and lodging</translation>
        </message>
        <message>
            <source>Medical and health</source>
            <translation>Medical and health</translation>
        </message>
        <message>
            <source>Non-profit</source>
            <translation>Non-profit</translation>
        </message>
        <message>
            <source>Professional services</source>
            <translation>Professional services</translation>
        </message>
        <message>
            <source>Shopping and retail</source>
            <translation>Shopping and retail</translation>
        </message>
        <message>
            <source>Travel and transportation</source>
            <translation>Travel and transportation</translation>
        </message>
        <message>
            <source>Restaurant</source>
            <translation>Restaurant</translation>
        </message>
        <message>
            <source>Alcoholic beverages</source>
            <translation>Alcoholic beverages</translation>
        </message>
        <message>
            <source>Online gambling and gaming</source>
            <translation>Online gambling and gaming</translation>
        </message>
        <message>
            <source>Non-online gambling and gaming</source>
            <translation>Non-online gambling and gaming</translation>
        </message>
        <message>
            <source>Over-the-counter drugs</source>
            <translation>Over-the-counter drugs</translation>
        </message>
        <message>
            <source>The About text cannot be empty; customers see it under the shop's name.</source>
            <translation>The About text cannot be empty; customers see it under the shop's name.</translation>
        </message>
        <message>
            <source>About: %1 characters, at most %2.</source>
            <translation>About: %1 characters, at most %2.</translation>
        </message>
        <message>
            <source>Address: %1 characters, at most %2.</source>
            <translation>Address: %1 characters, at most %2.</translation>
        </message>
        <message>
            <source>Description: %1 characters, at most %2.</source>
            <translation>Description: %1 characters, at most %2.</translation>
        </message>
        <message>
            <source>Description: past %1 characters some WhatsApp versions cut it short.</source>
            <translation>Description: past %1 characters some WhatsApp versions cut it short.</translation>
        </message>
        <message>
            <source>Email: %1 characters, at most %2.</source>
            <translation>Email: %1 characters, at most %2.</translation>
        </message>
        <message>
            <source>Email: "%1" is not an email address such as hola@mitienda.com.</source>
            <translation>Email: "%1" is not an email address such as hola@mitienda.com.</translation>
        </message>
        <message>
            <source>At most %1 websites.</source>
            <translation>At most %1 websites.</translation>
        </message>
        <message>
            <source>Website: %1 characters, at most %2.</source>
            <translation>Website: %1 characters, at most %2.</translation>
        </message>
        <message>
            <source>Website: "%1" must start with https:// (or http://).</source>
            <translation>Website: "%1" must start with https:// (or http://).</translation>
        </message>
        <message>
            <source>Category: "%1" is not one WhatsApp knows.</source>
            <translation>Category: "%1" is not one WhatsApp knows.</translation>
        </message>
    </context>
    <context>
        <name>QuickReplyExchange</name>
        <message>
            <source>This is not a file of quick replies exported by Mostrador.</source>
            <translation>This is not a file of quick replies exported by Mostrador.</translation>
        </message>
        <message>
            <source>Reply number %1 in the file has no shortcut or no text.</source>
            <translation>Reply number %1 in the file has no shortcut or no text.</translation>
        </message>
        <message>
            <source>The file could not be read as CSV (a quote is never closed).</source>
            <translation>The file could not be read as CSV (a quote is never closed).</translation>
        </message>
        <message>
            <source>The first line of the CSV file must name the columns: shortcut, title, text.</source>
            <translation>The first line of the CSV file must name the columns: shortcut, title, text.</translation>
        </message>
        <message>
            <source>Row %1 of the CSV file has no shortcut or no text.</source>
            <translation>Row %1 of the CSV file has no shortcut or no text.</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>Could not open %1: %2</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>Could not save %1: %2</translation>
        </message>
        <message>
            <source>The file %1 of /%2 cannot be read: %3</source>
            <translation>The file %1 of /%2 cannot be read: %3</translation>
        </message>
    </context>
    <context>
        <name>QuickReplyStore</name>
        <message>
            <source>A quick reply needs a shortcut without spaces (such as envio) and a text.</source>
            <translation>A quick reply needs a shortcut without spaces (such as envio) and a text.</translation>
        </message>
        <message>
            <source>There is already a quick reply called /%1.</source>
            <translation>There is already a quick reply called /%1.</translation>
        </message>
        <message>
            <source>Could not read %1: %2</source>
            <translation>Could not read %1: %2</translation>
        </message>
        <message>
            <source>Could not keep a copy of %1 in %2: %3</source>
            <translation>Could not keep a copy of %1 in %2: %3</translation>
        </message>
    </context>
    <context>
        <name>RateCard</name>
        <message>
            <source>Line %1: the first row must name the columns, starting with "country".</source>
            <translation>Line %1: the first row must name the columns, starting with "country".</translation>
        </message>
        <message>
            <source>Line %1: "%2" is not a two-letter country code (or * for the rest).</source>
            <translation>Line %1: "%2" is not a two-letter country code (or * for the rest).</translation>
        </message>
        <message>
            <source>Line %1: "%2" is not a price.</source>
            <translation>Line %1: "%2" is not a price.</translation>
        </message>
        <message>
            <source>The rate card has no prices.</source>
            <translation>The rate card has no prices.</translation>
        </message>
        <message>
            <source>The rate card %1 could not be read: %2</source>
            <translation>The rate card %1 could not be read: %2</translation>
        </message>
        <message>
            <source>The rate card %1 was not used. %2</source>
            <translation>The rate card %1 was not used. %2</translation>
        </message>
        <message>
            <source>The shop's rate card was not used. %1</source>
            <translation>The shop's rate card was not used. %1</translation>
        </message>
        <message>
            <source>The shop's rate card could not be read: %1</source>
            <translation>The shop's rate card could not be read: %1</translation>
        </message>
        <message>
            <source>%1 could not be read: %2</source>
            <translation>%1 could not be read: %2</translation>
        </message>
    </context>
    <context>
        <name>ReportCharts</name>
        <message>
            <source>From customers</source>
            <translation>From customers</translation>
        </message>
        <message>
            <source>From the shop</source>
            <translation>From the shop</translation>
        </message>
        <message>
            <source>%1: %2 %3</source>
            <translation>%1: %2 %3</translation>
        </message>
        <message>
            <source>Messages per day</source>
            <translation>Messages per day</translation>
        </message>
        <message>
            <source>Median reply time (minutes)</source>
            <translation>Median reply time (minutes)</translation>
        </message>
        <message numerus="yes">
            <source>%1: median %2 over %n wait(s)</source>
            <translation>
                <numerusform>%1: median %2 over %n wait</numerusform>
                <numerusform>%1: median %2 over %n waits</numerusform>
            </translation>
        </message>
        <message>
            <source>Reply time per day</source>
            <translation>Reply time per day</translation>
        </message>
        <message>
            <source>minutes</source>
            <translation>minutes</translation>
        </message>
        <message>
            <source>%1, %2: %3</source>
            <translation>%1, %2: %3</translation>
        </message>
        <message>
            <source>WhatsApp costs per month (%1)</source>
            <translation>WhatsApp costs per month (%1)</translation>
        </message>
        <message>
            <source>Median reply time (hours)</source>
            <translation>Median reply time (hours)</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>hours</translation>
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
            <translation>same as the previous period</translation>
        </message>
        <message>
            <source>▲ %1 % vs the previous period</source>
            <translation>▲ %1 % vs the previous period</translation>
        </message>
        <message>
            <source>▼ %1 % vs the previous period</source>
            <translation>▼ %1 % vs the previous period</translation>
        </message>
    </context>
    <context>
        <name>SafeFileName</name>
        <message>
            <source>the file's name "%1" has nothing a file name can be</source>
            <translation>the file's name "%1" has nothing a file name can be</translation>
        </message>
        <message>
            <source>the file's name had characters a file name cannot have; read as "%1"</source>
            <translation>the file's name had characters a file name cannot have; read as "%1"</translation>
        </message>
        <message>
            <source>the file's name "%1" was read as "%2"</source>
            <translation>the file's name "%1" was read as "%2"</translation>
        </message>
    </context>
    <context>
        <name>ServerCommandLine</name>
        <message>
            <source>Unknown command "%1". Run with --help to see the commands.</source>
            <translation>Unknown command "%1". Run with --help to see the commands.</translation>
        </message>
        <message>
            <source>Error: %1</source>
            <translation>Error: %1</translation>
        </message>
        <message>
            <source>Run mostrador-server --help for the commands and their settings.</source>
            <translation>Run mostrador-server --help for the commands and their settings.</translation>
        </message>
        <message>
            <source>Error: there is no Mostrador database at %1.</source>
            <translation>Error: there is no Mostrador database at %1.</translation>
        </message>
        <message>
            <source>(%1: %2)</source>
            <translation>(%1: %2)</translation>
        </message>
        <message>
            <source>Writes every stored message, one per line, as JSON Lines or CSV.</source>
            <translation>Writes every stored message, one per line, as JSON Lines or CSV.</translation>
        </message>
        <message>
            <source>The database: a file path or postgres://…</source>
            <translation>The database: a file path or postgres://…</translation>
        </message>
        <message>
            <source>jsonl or csv.</source>
            <translation>jsonl or csv.</translation>
        </message>
        <message>
            <source>Write to this file instead of the standard output.</source>
            <translation>Write to this file instead of the standard output.</translation>
        </message>
        <message>
            <source>--db is required.</source>
            <translation>--db is required.</translation>
        </message>
        <message>
            <source>--format must be jsonl or csv, not "%1".</source>
            <translation>--format must be jsonl or csv, not "%1".</translation>
        </message>
        <message>
            <source>Error: cannot write %1: %2</source>
            <translation>Error: cannot write %1: %2</translation>
        </message>
        <message>
            <source>Error: the export stopped: %1</source>
            <translation>Error: the export stopped: %1</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n message(s).</source>
            <translation>
                <numerusform>Exported %n message.</numerusform>
                <numerusform>Exported %n messages.</numerusform>
            </translation>
        </message>
        <message>
            <source>A pretend WhatsApp Cloud API on this computer, with customers who write in. Signs its webhooks with MOSTRADOR_APP_SECRET and accepts MOSTRADOR_ACCESS_TOKEN (default: sandbox-token).</source>
            <translation>A pretend WhatsApp Cloud API on this computer, with customers who write in. Signs its webhooks with MOSTRADOR_APP_SECRET and accepts MOSTRADOR_ACCESS_TOKEN (default: sandbox-token).</translation>
        </message>
        <message>
            <source>Where to listen, as HOST:PORT.</source>
            <translation>Where to listen, as HOST:PORT.</translation>
        </message>
        <message>
            <source>Where to send webhooks (the receiver's URL).</source>
            <translation>Where to send webhooks (the receiver's URL).</translation>
        </message>
        <message>
            <source>Customer messages per minute (0: none).</source>
            <translation>Customer messages per minute (0: none).</translation>
        </message>
        <message>
            <source>--listen must look like 127.0.0.1:8090, not "%1".</source>
            <translation>--listen must look like 127.0.0.1:8090, not "%1".</translation>
        </message>
        <message>
            <source>--webhook must be the receiver's http(s) URL, such as http://127.0.0.1:8080/webhook.</source>
            <translation>--webhook must be the receiver's http(s) URL, such as http://127.0.0.1:8080/webhook.</translation>
        </message>
        <message>
            <source>--pace must be a number of messages per minute.</source>
            <translation>--pace must be a number of messages per minute.</translation>
        </message>
        <message>
            <source>Error: cannot listen on %1:%2; is another program using that port?</source>
            <translation>Error: cannot listen on %1:%2; is another program using that port?</translation>
        </message>
        <message>
            <source>Sandbox Cloud API at %1/%2 — phone number id %3, WhatsApp Business Account id %4</source>
            <translation>Sandbox Cloud API at %1/%2 — phone number id %3, WhatsApp Business Account id %4</translation>
        </message>
        <message>
            <source>Signed webhooks go to %1</source>
            <translation>Signed webhooks go to %1</translation>
        </message>
        <message>
            <source>Sends one WhatsApp message and records it in the database. Needs MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_PHONE_NUMBER_ID; MOSTRADOR_GRAPH_URL points it elsewhere (the sandbox).</source>
            <translation>Sends one WhatsApp message and records it in the database. Needs MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_PHONE_NUMBER_ID; MOSTRADOR_GRAPH_URL points it elsewhere (the sandbox).</translation>
        </message>
        <message>
            <source>The text to send (only within 24 hours of the customer's last message).</source>
            <translation>The text to send (only within 24 hours of the customer's last message).</translation>
        </message>
        <message>
            <source>An approved template's name.</source>
            <translation>An approved template's name.</translation>
        </message>
        <message>
            <source>The template's language code, such as es or en_US.</source>
            <translation>The template's language code, such as es or en_US.</translation>
        </message>
        <message>
            <source>A template body parameter; repeat for {{1}}, {{2}}, …</source>
            <translation>A template body parameter; repeat for {{1}}, {{2}}, …</translation>
        </message>
        <message>
            <source>--to is required.</source>
            <translation>--to is required.</translation>
        </message>
        <message>
            <source>Give either --text or --template (one of them).</source>
            <translation>Give either --text or --template (one of them).</translation>
        </message>
        <message>
            <source>--template needs --lang.</source>
            <translation>--template needs --lang.</translation>
        </message>
        <message>
            <source>Not sent [%1, code %2]: %3</source>
            <translation>Not sent [%1, code %2]: %3</translation>
        </message>
        <message>
            <source>Receives WhatsApp webhooks into the database. Needs MOSTRADOR_APP_SECRET, MOSTRADOR_VERIFY_TOKEN, MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_PHONE_NUMBER_ID (or the same names ending in _FILE).</source>
            <translation>Receives WhatsApp webhooks into the database. Needs MOSTRADOR_APP_SECRET, MOSTRADOR_VERIFY_TOKEN, MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_PHONE_NUMBER_ID (or the same names ending in _FILE).</translation>
        </message>
        <message>
            <source>--db is required: where to keep the messages.</source>
            <translation>--db is required: where to keep the messages.</translation>
        </message>
        <message>
            <source>--listen must look like 127.0.0.1:8080, not "%1".</source>
            <translation>--listen must look like 127.0.0.1:8080, not "%1".</translation>
        </message>
        <message>
            <source>Receiving webhooks at http://%1:%2/webhook (health: /healthz), storing in %3</source>
            <translation>Receiving webhooks at http://%1:%2/webhook (health: /healthz), storing in %3</translation>
        </message>
        <message numerus="yes">
            <source>Stopped. %n webhook(s) stored.</source>
            <translation>
                <numerusform>Stopped. %n webhook stored.</numerusform>
                <numerusform>Stopped. %n webhooks stored.</numerusform>
            </translation>
        </message>
        <message>
            <source>Writes a consistent copy of the database (safe while the service runs) and keeps the newest ones.</source>
            <translation>Writes a consistent copy of the database (safe while the service runs) and keeps the newest ones.</translation>
        </message>
        <message>
            <source>The database file.</source>
            <translation>The database file.</translation>
        </message>
        <message>
            <source>The folder for backups (default: backups beside the database).</source>
            <translation>The folder for backups (default: backups beside the database).</translation>
        </message>
        <message>
            <source>How many backups to keep.</source>
            <translation>How many backups to keep.</translation>
        </message>
        <message>
            <source>--keep must be a whole number of at least 1.</source>
            <translation>--keep must be a whole number of at least 1.</translation>
        </message>
        <message>
            <source>Error: the backup failed: %1</source>
            <translation>Error: the backup failed: %1</translation>
        </message>
        <message>
            <source>Puts a backup in place of the database. Stop the service first; the current file is kept as .before-restore.</source>
            <translation>Puts a backup in place of the database. Stop the service first; the current file is kept as .before-restore.</translation>
        </message>
        <message>
            <source>The backup file to restore.</source>
            <translation>The backup file to restore.</translation>
        </message>
        <message>
            <source>--from is required: which backup to restore.</source>
            <translation>--from is required: which backup to restore.</translation>
        </message>
        <message>
            <source>Error: nothing was changed: %1</source>
            <translation>Error: nothing was changed: %1</translation>
        </message>
        <message>
            <source>Restored %1 from %2.</source>
            <translation>Restored %1 from %2.</translation>
        </message>
        <message>
            <source>Do not make the daily backup (in backups/ beside the database).</source>
            <translation>Do not make the daily backup (in backups/ beside the database).</translation>
        </message>
        <message>
            <source>away message outside opening hours (%1)</source>
            <translation>away message outside opening hours (%1)</translation>
        </message>
        <message>
            <source>greeting for new customers</source>
            <translation>greeting for new customers</translation>
        </message>
        <message>
            <source>Automatic replies are on, sent from here: %1.</source>
            <translation>Automatic replies are on, sent from here: %1.</translation>
        </message>
        <message>
            <source>Automatic replies are off (choose this service in the desktop's Shop menu, or set MOSTRADOR_AWAY_MESSAGE or MOSTRADOR_GREETING_MESSAGE).</source>
            <translation>Automatic replies are off (choose this service in the desktop's Shop menu, or set MOSTRADOR_AWAY_MESSAGE or MOSTRADOR_GREETING_MESSAGE).</translation>
        </message>
        <message>
            <source>Where customers' photos and files go (default: media/ beside a database file).</source>
            <translation>Where customers' photos and files go (default: media/ beside a database file).</translation>
        </message>
        <message>
            <source>(%1)</source>
            <translation>(%1)</translation>
        </message>
        <message>
            <source>The customer: a phone number in any form people write it (the shop's country by default, or MOSTRADOR_COUNTRY), or their WhatsApp user id.</source>
            <translation>The customer: a phone number in any form people write it (the shop's country by default, or MOSTRADOR_COUNTRY), or their WhatsApp user id.</translation>
        </message>
        <message>
            <source>mostrador-server customer export --db PATH --customer ID [--output FILE.zip]
    Writes everything kept about one customer (right of access) as a ZIP.
mostrador-server customer forget --db PATH --customer ID --yes
    Removes everything kept about one customer (right to erasure).</source>
            <translation>mostrador-server customer export --db PATH --customer ID [--output FILE.zip]
    Writes everything kept about one customer (right of access) as a ZIP.
mostrador-server customer forget --db PATH --customer ID --yes
    Removes everything kept about one customer (right to erasure).</translation>
        </message>
        <message>
            <source>customer needs export or forget.</source>
            <translation>customer needs export or forget.</translation>
        </message>
        <message>
            <source>Removes a customer's messages, files, notes, labels and conversations from the store and the media folder. Backups made before keep them until they are rotated away.</source>
            <translation>Removes a customer's messages, files, notes, labels and conversations from the store and the media folder. Backups made before keep them until they are rotated away.</translation>
        </message>
        <message>
            <source>Writes everything the store keeps about one customer (who they are to the shop, their conversations, team notes and files) as a ZIP with customer.json and a files folder.</source>
            <translation>Writes everything the store keeps about one customer (who they are to the shop, their conversations, team notes and files) as a ZIP with customer.json and a files folder.</translation>
        </message>
        <message>
            <source>Their WhatsApp number (as people write it), business-scoped id, or @username.</source>
            <translation>Their WhatsApp number (as people write it), business-scoped id, or @username.</translation>
        </message>
        <message>
            <source>The ZIP to write (default: customer-ID.zip here).</source>
            <translation>The ZIP to write (default: customer-ID.zip here).</translation>
        </message>
        <message>
            <source>Confirms the removal: it cannot be undone.</source>
            <translation>Confirms the removal: it cannot be undone.</translation>
        </message>
        <message>
            <source>--customer is required: their number, business-scoped id or @username.</source>
            <translation>--customer is required: their number, business-scoped id or @username.</translation>
        </message>
        <message>
            <source>--yes is required: forgetting a customer cannot be undone.</source>
            <translation>--yes is required: forgetting a customer cannot be undone.</translation>
        </message>
        <message>
            <source>Error: no customer %1 in this store.</source>
            <translation>Error: no customer %1 in this store.</translation>
        </message>
        <message>
            <source>Error: nothing was removed: %1</source>
            <translation>Error: nothing was removed: %1</translation>
        </message>
        <message>
            <source>Forgot %1: %2 conversations, %3 messages, %4 files. Backups made before now still hold them until they are rotated away.</source>
            <translation>Forgot %1: %2 conversations, %3 messages, %4 files. Backups made before now still hold them until they are rotated away.</translation>
        </message>
        <message>
            <source>Wrote %1: %2 messages, %3 files.</source>
            <translation>Wrote %1: %2 messages, %3 files.</translation>
        </message>
        <message>
            <source>Prints how the shop is doing over a period: reply times, unanswered and lost chats, messages by origin, closed hours, ads and what WhatsApp costs.</source>
            <translation>Prints how the shop is doing over a period: reply times, unanswered and lost chats, messages by origin, closed hours, ads and what WhatsApp costs.</translation>
        </message>
        <message>
            <source>First day (YYYY-MM-DD); 29 days before --to when not given.</source>
            <translation>First day (YYYY-MM-DD); 29 days before --to when not given.</translation>
        </message>
        <message>
            <source>Last day, included (YYYY-MM-DD); today when not given.</source>
            <translation>Last day, included (YYYY-MM-DD); today when not given.</translation>
        </message>
        <message>
            <source>Time zone of days and hours (e.g. America/Bogota); the shop's when not given.</source>
            <translation>Time zone of days and hours (e.g. America/Bogota); the shop's when not given.</translation>
        </message>
        <message>
            <source>json or csv.</source>
            <translation>json or csv.</translation>
        </message>
        <message>
            <source>Price messages with this CSV instead of the shop's rate card.</source>
            <translation>Price messages with this CSV instead of the shop's rate card.</translation>
        </message>
        <message>
            <source>--format must be json or csv, not "%1".</source>
            <translation>--format must be json or csv, not "%1".</translation>
        </message>
        <message>
            <source>--%1 must be a date written YYYY-MM-DD, not "%2".</source>
            <translation>--%1 must be a date written YYYY-MM-DD, not "%2".</translation>
        </message>
        <message>
            <source>--tz: "%1" is not a time zone this computer knows (e.g. Europe/Madrid, America/Bogota).</source>
            <translation>--tz: "%1" is not a time zone this computer knows (e.g. Europe/Madrid, America/Bogota).</translation>
        </message>
        <message>
            <source>--from (%1) is after --to (%2).</source>
            <translation>--from (%1) is after --to (%2).</translation>
        </message>
        <message>
            <source>Error: the report could not be read from the store: %1</source>
            <translation>Error: the report could not be read from the store: %1</translation>
        </message>
        <message>
            <source>mostrador-server team add-agent --db URL --name NAME
    Gives a person their own sign-in to the team's database and prints it once.
mostrador-server team remove-agent --db URL --name NAME
    Ends that person's access at once; what they wrote stays.
mostrador-server team add-server --db URL
    Gives mostrador-server its own sign-in (for MOSTRADOR_DB) and prints it once.</source>
            <translation>mostrador-server team add-agent --db URL --name NAME
    Gives a person their own sign-in to the team's database and prints it once.
mostrador-server team remove-agent --db URL --name NAME
    Ends that person's access at once; what they wrote stays.
mostrador-server team add-server --db URL
    Gives mostrador-server its own sign-in (for MOSTRADOR_DB) and prints it once.</translation>
        </message>
        <message>
            <source>team needs add-agent, remove-agent or add-server.</source>
            <translation>team needs add-agent, remove-agent or add-server.</translation>
        </message>
        <message>
            <source>Gives mostrador-server its own sign-in to the team's database: all of the shop's data, none of the schema or the team's rights. Prints the address for MOSTRADOR_DB once; run again to change its password.</source>
            <translation>Gives mostrador-server its own sign-in to the team's database: all of the shop's data, none of the schema or the team's rights. Prints the address for MOSTRADOR_DB once; run again to change its password.</translation>
        </message>
        <message>
            <source>Gives a person their own sign-in to the team's database (a PostgreSQL role that may answer customers but not change the shop's settings, automation, quick replies or team, nor delete history) and prints the address to give them, once.</source>
            <translation>Gives a person their own sign-in to the team's database (a PostgreSQL role that may answer customers but not change the shop's settings, automation, quick replies or team, nor delete history) and prints the address to give them, once.</translation>
        </message>
        <message>
            <source>Ends a person's access to the team's database at once: their open sessions are closed and their sign-in removed. What they wrote stays, under their name.</source>
            <translation>Ends a person's access to the team's database at once: their open sessions are closed and their sign-in removed. What they wrote stays, under their name.</translation>
        </message>
        <message>
            <source>The team's database, with the owner's sign-in: postgres://…</source>
            <translation>The team's database, with the owner's sign-in: postgres://…</translation>
        </message>
        <message>
            <source>The person's name, as the team sees it.</source>
            <translation>The person's name, as the team sees it.</translation>
        </message>
        <message>
            <source>--db must be the team's PostgreSQL database (postgres://…): a single PC's store has no team.</source>
            <translation>--db must be the team's PostgreSQL database (postgres://…): a single PC's store has no team.</translation>
        </message>
        <message>
            <source>--name is required.</source>
            <translation>--name is required.</translation>
        </message>
        <message>
            <source>Error: the server's sign-in was not made: %1</source>
            <translation>Error: the server's sign-in was not made: %1</translation>
        </message>
        <message>
            <source>mostrador-server's own sign-in. Put it in MOSTRADOR_DB (in /etc/mostrador/mostrador.env) and restart the service:</source>
            <translation>mostrador-server's own sign-in. Put it in MOSTRADOR_DB (in /etc/mostrador/mostrador.env) and restart the service:</translation>
        </message>
        <message>
            <source>After updating Mostrador, open the store once with the owner's address (the owner's desktop does it) so its tables are brought up to date.</source>
            <translation>After updating Mostrador, open the store once with the owner's address (the owner's desktop does it) so its tables are brought up to date.</translation>
        </message>
        <message>
            <source>Error: %1 still has access: %2</source>
            <translation>Error: %1 still has access: %2</translation>
        </message>
        <message>
            <source>Error: no agent is called "%1".</source>
            <translation>Error: no agent is called "%1".</translation>
        </message>
        <message>
            <source>%1 no longer has access to the team's database.</source>
            <translation>%1 no longer has access to the team's database.</translation>
        </message>
        <message>
            <source>Error: %1 was not added: %2</source>
            <translation>Error: %1 was not added: %2</translation>
        </message>
        <message>
            <source>Use the owner's sign-in (the one that created the store; it must be allowed to create roles).</source>
            <translation>Use the owner's sign-in (the one that created the store; it must be allowed to create roles).</translation>
        </message>
        <message>
            <source>%1 can now sign in to the team's database. Give them this address once, privately (it is not shown again):</source>
            <translation>%1 can now sign in to the team's database. Give them this address once, privately (it is not shown again):</translation>
        </message>
        <message>
            <source>On their PC: mostrador --db "ADDRESS" (the password is then kept in that PC's keychain).</source>
            <translation>On their PC: mostrador --db "ADDRESS" (the password is then kept in that PC's keychain).</translation>
        </message>
        <message>
            <source>Copies the shop's SQLite database into a new, empty PostgreSQL database for team mode, and counts every table on both sides at the end. Stop mostrador-server and close the desktops first; the SQLite file is left as it was.</source>
            <translation>Copies the shop's SQLite database into a new, empty PostgreSQL database for team mode, and counts every table on both sides at the end. Stop mostrador-server and close the desktops first; the SQLite file is left as it was.</translation>
        </message>
        <message>
            <source>The SQLite database file.</source>
            <translation>The SQLite database file.</translation>
        </message>
        <message>
            <source>The PostgreSQL database (postgres://user:password@host/db).</source>
            <translation>The PostgreSQL database (postgres://user:password@host/db).</translation>
        </message>
        <message>
            <source>--from is required.</source>
            <translation>--from is required.</translation>
        </message>
        <message>
            <source>--to must be a postgres:// address.</source>
            <translation>--to must be a postgres:// address.</translation>
        </message>
        <message>
            <source>--from must be a SQLite database file.</source>
            <translation>--from must be a SQLite database file.</translation>
        </message>
        <message>
            <source>Nothing was copied: %1</source>
            <translation>Nothing was copied: %1</translation>
        </message>
        <message>
            <source>Nothing was copied (the PostgreSQL database is as it was): %1</source>
            <translation>Nothing was copied (the PostgreSQL database is as it was): %1</translation>
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
            <translation>Some tables do not hold the same rows on both sides (marked DIFFERENT). Do not use the PostgreSQL database yet; the SQLite file is untouched.</translation>
        </message>
        <message>
            <source>Copied %1 rows in %2 tables in %3 s, counted again on both sides. Start mostrador-server and the desktops with --db %4.</source>
            <translation>Copied %1 rows in %2 tables in %3 s, counted again on both sides. Start mostrador-server and the desktops with --db %4.</translation>
        </message>
        <message>
            <source>Brings chats exported from the phone (WhatsApp ▸ chat ▸ More ▸ Export chat: a .txt, or a .zip with its media) into the store, marked as imported. Importing the same file again adds nothing; a later export of the same chat adds only the new messages.</source>
            <translation>Brings chats exported from the phone (WhatsApp ▸ chat ▸ More ▸ Export chat: a .txt, or a .zip with its media) into the store, marked as imported. Importing the same file again adds nothing; a later export of the same chat adds only the new messages.</translation>
        </message>
        <message>
            <source>The database file or postgres:// address.</source>
            <translation>The database file or postgres:// address.</translation>
        </message>
        <message>
            <source>The shop's name in the chats (its messages are the shop's).</source>
            <translation>The shop's name in the chats (its messages are the shop's).</translation>
        </message>
        <message>
            <source>The customer's number, when importing one chat.</source>
            <translation>The customer's number, when importing one chat.</translation>
        </message>
        <message>
            <source>The time zone the phone was in (default: the shop's).</source>
            <translation>The time zone the phone was in (default: the shop's).</translation>
        </message>
        <message>
            <source>Where media go (default: media beside the database).</source>
            <translation>Where media go (default: media beside the database).</translation>
        </message>
        <message>
            <source>--me is required: the shop's name as it appears in the chats.</source>
            <translation>--me is required: the shop's name as it appears in the chats.</translation>
        </message>
        <message>
            <source>Name at least one exported chat.</source>
            <translation>Name at least one exported chat.</translation>
        </message>
        <message>
            <source>--phone goes with one chat only.</source>
            <translation>--phone goes with one chat only.</translation>
        </message>
        <message>
            <source>Nothing was imported. %1</source>
            <translation>Nothing was imported. %1</translation>
        </message>
        <message>
            <source>Nothing was imported: %1</source>
            <translation>Nothing was imported: %1</translation>
        </message>
        <message>
            <source>Chats: %1</source>
            <translation>Chats: %1</translation>
        </message>
        <message>
            <source>Messages added: %1</source>
            <translation>Messages added: %1</translation>
        </message>
        <message>
            <source>Already there: %1</source>
            <translation>Already there: %1</translation>
        </message>
        <message>
            <source>Media kept: %1</source>
            <translation>Media kept: %1</translation>
        </message>
        <message>
            <source>Media not included in the export: %1</source>
            <translation>Media not included in the export: %1</translation>
        </message>
        <message>
            <source>Lines not understood: %1</source>
            <translation>Lines not understood: %1</translation>
        </message>
        <message>
            <source>The exported chats (.txt or .zip), or folders holding them.</source>
            <translation>The exported chats (.txt or .zip), or folders holding them.</translation>
        </message>
        <message>
            <source>Nothing was imported: no .txt or .zip chat in the folders given.</source>
            <translation>Nothing was imported: no .txt or .zip chat in the folders given.</translation>
        </message>
        <message>
            <source>MOSTRADOR_ACCESS_TOKEN is not set.</source>
            <translation>MOSTRADOR_ACCESS_TOKEN is not set.</translation>
        </message>
        <message>
            <source>MOSTRADOR_WABA_ID is not set: templates belong to the WhatsApp Business Account.</source>
            <translation>MOSTRADOR_WABA_ID is not set: templates belong to the WhatsApp Business Account.</translation>
        </message>
        <message>
            <source>Meta did not take it: %1</source>
            <translation>Meta did not take it: %1</translation>
        </message>
        <message>
            <source>NAME	LANGUAGE	STATUS	CATEGORY	QUALITY	TEXT</source>
            <translation>NAME	LANGUAGE	STATUS	CATEGORY	QUALITY	TEXT</translation>
        </message>
        <message>
            <source>Deleted %1, in every language. Meta keeps the name for %2 days: until %3 no new template can use it.</source>
            <translation>Deleted %1, in every language. Meta keeps the name for %2 days: until %3 no new template can use it.</translation>
        </message>
        <message>
            <source>The number's message templates: list them with Meta's review, delete one, or create one for review.
  templates list
  templates delete NAME
  templates create --name NAME --lang CODE --category UTILITY|MARKETING|AUTHENTICATION --body TEXT [options]
Needs MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_WABA_ID (and MOSTRADOR_APP_ID for --header-image); MOSTRADOR_GRAPH_URL points it elsewhere (the sandbox).</source>
            <translation>The number's message templates: list them with Meta's review, delete one, or create one for review.
  templates list
  templates delete NAME
  templates create --name NAME --lang CODE --category UTILITY|MARKETING|AUTHENTICATION --body TEXT [options]
Needs MOSTRADOR_ACCESS_TOKEN and MOSTRADOR_WABA_ID (and MOSTRADOR_APP_ID for --header-image); MOSTRADOR_GRAPH_URL points it elsewhere (the sandbox).</translation>
        </message>
        <message>
            <source>The template's name: lowercase letters, digits and underscores.</source>
            <translation>The template's name: lowercase letters, digits and underscores.</translation>
        </message>
        <message>
            <source>Its language code, such as es, en_US or pt_BR.</source>
            <translation>Its language code, such as es, en_US or pt_BR.</translation>
        </message>
        <message>
            <source>UTILITY, MARKETING or AUTHENTICATION.</source>
            <translation>UTILITY, MARKETING or AUTHENTICATION.</translation>
        </message>
        <message>
            <source>The message, with variables {{1}}, {{2}}… or {{first_name}}.</source>
            <translation>The message, with variables {{1}}, {{2}}… or {{first_name}}.</translation>
        </message>
        <message>
            <source>An example value for each variable, in order; repeat it.</source>
            <translation>An example value for each variable, in order; repeat it.</translation>
        </message>
        <message>
            <source>A header line (60 characters at most).</source>
            <translation>A header line (60 characters at most).</translation>
        </message>
        <message>
            <source>A header image: its example file (JPEG or PNG).</source>
            <translation>A header image: its example file (JPEG or PNG).</translation>
        </message>
        <message>
            <source>A footer line (60 characters at most).</source>
            <translation>A footer line (60 characters at most).</translation>
        </message>
        <message>
            <source>A button: quick:TEXT, url:TEXT=URL or phone:TEXT=NUMBER; repeat it.</source>
            <translation>A button: quick:TEXT, url:TEXT=URL or phone:TEXT=NUMBER; repeat it.</translation>
        </message>
        <message>
            <source>list, delete NAME or create.</source>
            <translation>list, delete NAME or create.</translation>
        </message>
        <message>
            <source>Say what to do: list, delete NAME or create.</source>
            <translation>Say what to do: list, delete NAME or create.</translation>
        </message>
        <message>
            <source>delete needs the template's name.</source>
            <translation>delete needs the template's name.</translation>
        </message>
        <message>
            <source>Give --header-text or --header-image, not both.</source>
            <translation>Give --header-text or --header-image, not both.</translation>
        </message>
        <message>
            <source>%1 could not be read: %2</source>
            <translation>%1 could not be read: %2</translation>
        </message>
        <message>
            <source>%1 is not a JPEG or PNG image.</source>
            <translation>%1 is not a JPEG or PNG image.</translation>
        </message>
        <message>
            <source>MOSTRADOR_APP_ID is not set: Meta's upload of a header's example needs the app's id.</source>
            <translation>MOSTRADOR_APP_ID is not set: Meta's upload of a header's example needs the app's id.</translation>
        </message>
        <message>
            <source>Submitted %1 (%2): %3. Meta reviews it, usually within minutes and at most in a day; its answer arrives by webhook and shows in templates list.</source>
            <translation>Submitted %1 (%2): %3. Meta reviews it, usually within minutes and at most in a day; its answer arrives by webhook and shows in templates list.</translation>
        </message>
        <message>
            <source>The templates could not be read from Meta: %1</source>
            <translation>The templates could not be read from Meta: %1</translation>
        </message>
        <message>
            <source>The template %1 (%2) is %3: only approved templates can be sent.</source>
            <translation>The template %1 (%2) is %3: only approved templates can be sent.</translation>
        </message>
        <message>
            <source>The number has no template %1 in %2 (templates list shows them).</source>
            <translation>The number has no template %1 in %2 (templates list shows them).</translation>
        </message>
        <message>
            <source>--at must be a time in the shop's zone, such as "2026-12-05 10:00" or "10:00", not "%1".</source>
            <translation>--at must be a time in the shop's zone, such as "2026-12-05 10:00" or "10:00", not "%1".</translation>
        </message>
        <message>
            <source>Sends an approved template to many customers, once each. Prints the audience, who is left out and why, and the estimated cost; without --dry-run sends it and prints the results. A campaign is known by its name: running it again (after a crash or a reboot) goes on where it stopped and never writes twice to anyone. Needs MOSTRADOR_ACCESS_TOKEN, MOSTRADOR_PHONE_NUMBER_ID and MOSTRADOR_WABA_ID.</source>
            <translation>Sends an approved template to many customers, once each. Prints the audience, who is left out and why, and the estimated cost; without --dry-run sends it and prints the results. A campaign is known by its name: running it again (after a crash or a reboot) goes on where it stopped and never writes twice to anyone. Needs MOSTRADOR_ACCESS_TOKEN, MOSTRADOR_PHONE_NUMBER_ID and MOSTRADOR_WABA_ID.</translation>
        </message>
        <message>
            <source>The campaign's name.</source>
            <translation>The campaign's name.</translation>
        </message>
        <message>
            <source>The template's language code, such as es.</source>
            <translation>The template's language code, such as es.</translation>
        </message>
        <message>
            <source>Send to the customers whose conversations carry this label.</source>
            <translation>Send to the customers whose conversations carry this label.</translation>
        </message>
        <message>
            <source>Send to the customers of a CSV with a phone column (and optional name and variable columns).</source>
            <translation>Send to the customers of a CSV with a phone column (and optional name and variable columns).</translation>
        </message>
        <message>
            <source>A value for {{1}}, {{2}}…, in order: text, or {first_name}, {name}, {note} or a CSV column as {column}.</source>
            <translation>A value for {{1}}, {{2}}…, in order: text, or {first_name}, {name}, {note} or a CSV column as {column}.</translation>
        </message>
        <message>
            <source>At most this many messages a second (the number's throughput by default).</source>
            <translation>At most this many messages a second (the number's throughput by default).</translation>
        </message>
        <message>
            <source>Send at this time in the shop's zone: "2026-12-05 10:00" or "10:00".</source>
            <translation>Send at this time in the shop's zone: "2026-12-05 10:00" or "10:00".</translation>
        </message>
        <message>
            <source>Only say who would receive it and what it would cost.</source>
            <translation>Only say who would receive it and what it would cost.</translation>
        </message>
        <message>
            <source>After a crash, seconds to wait for Meta's word on messages that were on their way (30).</source>
            <translation>After a crash, seconds to wait for Meta's word on messages that were on their way (30).</translation>
        </message>
        <message>
            <source>%1 is not set.</source>
            <translation>%1 is not set.</translation>
        </message>
        <message>
            <source>--%1 is required.</source>
            <translation>--%1 is required.</translation>
        </message>
        <message>
            <source>Give either --label or --customers (one of them).</source>
            <translation>Give either --label or --customers (one of them).</translation>
        </message>
        <message>
            <source>--per-second must be a whole number of messages.</source>
            <translation>--per-second must be a whole number of messages.</translation>
        </message>
        <message>
            <source>--confirm-wait must be a whole number of seconds.</source>
            <translation>--confirm-wait must be a whole number of seconds.</translation>
        </message>
        <message>
            <source>The campaign %1 already exists with the template %2 (%3); choose another name.</source>
            <translation>The campaign %1 already exists with the template %2 (%3); choose another name.</translation>
        </message>
        <message>
            <source>Campaign %1 exists: it goes on where it stopped, and nobody gets it twice.</source>
            <translation>Campaign %1 exists: it goes on where it stopped, and nobody gets it twice.</translation>
        </message>
        <message>
            <source>Nobody would receive it: nothing was sent.</source>
            <translation>Nobody would receive it: nothing was sent.</translation>
        </message>
        <message>
            <source>Waiting until %1 to send.</source>
            <translation>Waiting until %1 to send.</translation>
        </message>
        <message>
            <source>The number has written first to as many customers as Meta allows in 24 hours; the rest go as the day frees up.</source>
            <translation>The number has written first to as many customers as Meta allows in 24 hours; the rest go as the day frees up.</translation>
        </message>
        <message>
            <source>unknown country</source>
            <translation>unknown country</translation>
        </message>
        <message>
            <source>  %1: %2, no price on the rate card</source>
            <translation>  %1: %2, no price on the rate card</translation>
        </message>
        <message>
            <source>Campaign: %1</source>
            <translation>Campaign: %1</translation>
        </message>
        <message>
            <source>Template: %1 (%2, %3)</source>
            <translation>Template: %1 (%2, %3)</translation>
        </message>
        <message>
            <source>Audience: %1</source>
            <translation>Audience: %1</translation>
        </message>
        <message>
            <source>Receiving: %1</source>
            <translation>Receiving: %1</translation>
        </message>
        <message>
            <source>Skipped: %1</source>
            <translation>Skipped: %1</translation>
        </message>
        <message>
            <source>Rows not read: %1</source>
            <translation>Rows not read: %1</translation>
        </message>
        <message>
            <source>  line %1: %2</source>
            <translation>  line %1: %2</translation>
        </message>
        <message>
            <source>Estimate: %1 %2 (Meta's rates of %3, %4)</source>
            <translation>Estimate: %1 %2 (Meta's rates of %3, %4)</translation>
        </message>
        <message>
            <source>Campaign: %1 (%2)</source>
            <translation>Campaign: %1 (%2)</translation>
        </message>
        <message>
            <source>Waiting: %1</source>
            <translation>Waiting: %1</translation>
        </message>
        <message>
            <source>Sent: %1</source>
            <translation>Sent: %1</translation>
        </message>
        <message>
            <source>Delivered: %1</source>
            <translation>Delivered: %1</translation>
        </message>
        <message>
            <source>Read: %1</source>
            <translation>Read: %1</translation>
        </message>
        <message>
            <source>Replied: %1</source>
            <translation>Replied: %1</translation>
        </message>
        <message>
            <source>Failed: %1</source>
            <translation>Failed: %1</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>refused</translation>
        </message>
        <message>
            <source>Unconfirmed: %1</source>
            <translation>Unconfirmed: %1</translation>
        </message>
        <message>
            <source>  in flight when an earlier run stopped, with no word from Meta since: not sent again, so nobody gets it twice</source>
            <translation>  in flight when an earlier run stopped, with no word from Meta since: not sent again, so nobody gets it twice</translation>
        </message>
        <message>
            <source>Cost: %1 %2 (Meta's pricing on the statuses, at the rates of %3, %4)</source>
            <translation>Cost: %1 %2 (Meta's pricing on the statuses, at the rates of %3, %4)</translation>
        </message>
        <message>
            <source>Prints the shop's orders, newest first, one per line, as CSV or JSON Lines.</source>
            <translation>Prints the shop's orders, newest first, one per line, as CSV or JSON Lines.</translation>
        </message>
        <message>
            <source>csv or jsonl.</source>
            <translation>csv or jsonl.</translation>
        </message>
        <message>
            <source>Only orders at this stage: new, pending_payment, paid, shipped, delivered or cancelled.</source>
            <translation>Only orders at this stage: new, pending_payment, paid, shipped, delivered or cancelled.</translation>
        </message>
        <message>
            <source>--format must be csv or jsonl, not "%1".</source>
            <translation>--format must be csv or jsonl, not "%1".</translation>
        </message>
        <message>
            <source>--stage must be new, pending_payment, paid, shipped, delivered or cancelled, not "%1".</source>
            <translation>--stage must be new, pending_payment, paid, shipped, delivered or cancelled, not "%1".</translation>
        </message>
        <message>
            <source>Error: the orders could not be read: %1</source>
            <translation>Error: the orders could not be read: %1</translation>
        </message>
        <message>
            <source>Error: the orders could not be written: %1</source>
            <translation>Error: the orders could not be written: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s).</source>
            <translation>
                <numerusform>%n order.</numerusform>
                <numerusform>%n orders.</numerusform>
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
            <translation>Usage: mostrador-server COMMAND [options]

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

mostrador-server COMMAND --help shows a command's options; --version prints the version.</translation>
        </message>
        <message>
            <source>Import even when the --me name wrote nothing in a chat (all of it is then the customer's).</source>
            <translation>Import even when the --me name wrote nothing in a chat (all of it is then the customer's).</translation>
        </message>
        <message>
            <source>Give the shop's name as the chat writes it with --me, or add --force to import it anyway.</source>
            <translation>Give the shop's name as the chat writes it with --me, or add --force to import it anyway.</translation>
        </message>
        <message>
            <source>There is no import number %1.</source>
            <translation>There is no import number %1.</translation>
        </message>
        <message>
            <source>No import of "%1" is left to undo.</source>
            <translation>No import of "%1" is left to undo.</translation>
        </message>
        <message>
            <source>The imports this store knows:</source>
            <translation>The imports this store knows:</translation>
        </message>
        <message>
            <source> (undone)</source>
            <translation> (undone)</translation>
        </message>
        <message>
            <source>Nothing was undone: %1</source>
            <translation>Nothing was undone: %1</translation>
        </message>
        <message>
            <source>Import undone: %1</source>
            <translation>Import undone: %1</translation>
        </message>
        <message>
            <source>Files: %1</source>
            <translation>Files: %1</translation>
        </message>
        <message>
            <source>Messages removed: %1</source>
            <translation>Messages removed: %1</translation>
        </message>
        <message>
            <source>Conversations removed: %1</source>
            <translation>Conversations removed: %1</translation>
        </message>
        <message>
            <source>Customers removed: %1</source>
            <translation>Customers removed: %1</translation>
        </message>
        <message>
            <source>Media files removed: %1</source>
            <translation>Media files removed: %1</translation>
        </message>
        <message>
            <source>Take an import out again: its number (printed when it was imported), or the file imported.</source>
            <translation>Take an import out again: its number (printed when it was imported), or the file imported.</translation>
        </message>
        <message>
            <source>--undo goes alone: it takes out one import, and imports nothing.</source>
            <translation>--undo goes alone: it takes out one import, and imports nothing.</translation>
        </message>
        <message>
            <source>Import: %1 (import-chat --undo %1 takes it out again)</source>
            <translation>Import: %1 (import-chat --undo %1 takes it out again)</translation>
        </message>
        <message>
            <source>Send a template to a customer who asked for no promotions all the same (kept on record).</source>
            <translation>Send a template to a customer who asked for no promotions all the same (kept on record).</translation>
        </message>
        <message>
            <source>%1 asked for no promotions (%2, %3).</source>
            <translation>%1 asked for no promotions (%2, %3).</translation>
        </message>
        <message>
            <source>Set MOSTRADOR_WABA_ID so send can tell whether %1 is a promotion, or add --despite-opt-out.</source>
            <translation>Set MOSTRADOR_WABA_ID so send can tell whether %1 is a promotion, or add --despite-opt-out.</translation>
        </message>
        <message>
            <source>%1 is a promotion (marketing): not sent. Add --despite-opt-out to send it all the same.</source>
            <translation>%1 is a promotion (marketing): not sent. Add --despite-opt-out to send it all the same.</translation>
        </message>
        <message>
            <source>Sent, but not kept on record: %1</source>
            <translation>Sent, but not kept on record: %1</translation>
        </message>
        <message>
            <source>How to read a chat whose every date reads both ways: day-first or month-first (a chat whose dates decide keeps its own).</source>
            <translation>How to read a chat whose every date reads both ways: day-first or month-first (a chat whose dates decide keeps its own).</translation>
        </message>
        <message>
            <source>--dates is day-first or month-first.</source>
            <translation>--dates is day-first or month-first.</translation>
        </message>
        <message>
            <source>Dates: %1</source>
            <translation>Dates: %1</translation>
        </message>
    </context>
    <context>
        <name>ServerEnvironment</name>
        <message>
            <source>%1 names %2, which cannot be read: %3</source>
            <translation>%1 names %2, which cannot be read: %3</translation>
        </message>
        <message>
            <source>%1 is not set (nor %1_FILE).</source>
            <translation>%1 is not set (nor %1_FILE).</translation>
        </message>
        <message>
            <source>MOSTRADOR_AWAY_MESSAGE needs MOSTRADOR_OPENING_HOURS (for example "mon-fri 09:00-18:00; sat 10:00-14:00") to know when the shop is closed.</source>
            <translation>MOSTRADOR_AWAY_MESSAGE needs MOSTRADOR_OPENING_HOURS (for example "mon-fri 09:00-18:00; sat 10:00-14:00") to know when the shop is closed.</translation>
        </message>
        <message>
            <source>MOSTRADOR_OPENING_HOURS or MOSTRADOR_TIMEZONE: %1</source>
            <translation>MOSTRADOR_OPENING_HOURS or MOSTRADOR_TIMEZONE: %1</translation>
        </message>
        <message>
            <source>MOSTRADOR_GRAPH_URL is not a URL such as https://graph.facebook.com/v25.0</source>
            <translation>MOSTRADOR_GRAPH_URL is not a URL such as https://graph.facebook.com/v25.0</translation>
        </message>
    </context>
    <context>
        <name>StoreCopy</name>
        <message>
            <source>Copy from a SQLite file into a PostgreSQL database.</source>
            <translation>Copy from a SQLite file into a PostgreSQL database.</translation>
        </message>
        <message>
            <source>The two stores were written by different versions of Mostrador (%1 and %2).</source>
            <translation>The two stores were written by different versions of Mostrador (%1 and %2).</translation>
        </message>
        <message>
            <source>The PostgreSQL database already holds a shop's history (%1 rows in %2). Copy only into a new, empty database, so two histories are never mixed.</source>
            <translation>The PostgreSQL database already holds a shop's history (%1 rows in %2). Copy only into a new, empty database, so two histories are never mixed.</translation>
        </message>
    </context>
    <context>
        <name>StoreError</name>
        <message>
            <source>Mostrador could not open its database. Check that the folder exists and that you may write to it.</source>
            <translation>Mostrador could not open its database. Check that the folder exists and that you may write to it.</translation>
        </message>
        <message>
            <source>Mostrador's database cannot be written (the file or its folder is read-only). Nothing already saved was lost; fix the permissions and restart.</source>
            <translation>Mostrador's database cannot be written (the file or its folder is read-only). Nothing already saved was lost; fix the permissions and restart.</translation>
        </message>
        <message>
            <source>The disk is full, so new messages cannot be saved. Nothing already saved was lost; free some space and Mostrador will continue.</source>
            <translation>The disk is full, so new messages cannot be saved. Nothing already saved was lost; free some space and Mostrador will continue.</translation>
        </message>
        <message>
            <source>Mostrador's database is damaged. Restore the latest backup (mostrador-server restore) before going on.</source>
            <translation>Mostrador's database is damaged. Restore the latest backup (mostrador-server restore) before going on.</translation>
        </message>
        <message>
            <source>This database was written by a newer version of Mostrador. Update Mostrador to open it; it has not been changed.</source>
            <translation>This database was written by a newer version of Mostrador. Update Mostrador to open it; it has not been changed.</translation>
        </message>
        <message>
            <source>The database is in use by another program and did not become free in time.</source>
            <translation>The database is in use by another program and did not become free in time.</translation>
        </message>
        <message>
            <source>The database refused an operation. Nothing already saved was lost.</source>
            <translation>The database refused an operation. Nothing already saved was lost.</translation>
        </message>
        <message>
            <source>Your access to the shop's database does not allow this. Ask the shop's owner if you need it.</source>
            <translation>Your access to the shop's database does not allow this. Ask the shop's owner if you need it.</translation>
        </message>
        <message>
            <source>This Mostrador is newer than the team's mostrador-server. Update mostrador-server first (it brings the team's database up to date), then open Mostrador again. Nothing was changed.</source>
            <translation>This Mostrador is newer than the team's mostrador-server. Update mostrador-server first (it brings the team's database up to date), then open Mostrador again. Nothing was changed.</translation>
        </message>
    </context>
    <context>
        <name>TemplateDraft</name>
        <message>
            <source>“%1” is not a button: write quick:TEXT, url:TEXT=URL or phone:TEXT=NUMBER.</source>
            <translation>“%1” is not a button: write quick:TEXT, url:TEXT=URL or phone:TEXT=NUMBER.</translation>
        </message>
        <message>
            <source>The template needs a name.</source>
            <translation>The template needs a name.</translation>
        </message>
        <message>
            <source>The name is longer than %1 characters.</source>
            <translation>The name is longer than %1 characters.</translation>
        </message>
        <message>
            <source>A template's name may only have lowercase letters without accents, digits and underscores (for example pedido_listo).</source>
            <translation>A template's name may only have lowercase letters without accents, digits and underscores (for example pedido_listo).</translation>
        </message>
        <message>
            <source>“%1” is not a language code such as es, en_US or pt_BR.</source>
            <translation>“%1” is not a language code such as es, en_US or pt_BR.</translation>
        </message>
        <message>
            <source>The category must be utility, marketing or authentication.</source>
            <translation>The category must be utility, marketing or authentication.</translation>
        </message>
        <message>
            <source>An authentication template has no header or buttons of its own: WhatsApp writes its text and adds the button that copies the code.</source>
            <translation>An authentication template has no header or buttons of its own: WhatsApp writes its text and adds the button that copies the code.</translation>
        </message>
        <message>
            <source>The message needs a text.</source>
            <translation>The message needs a text.</translation>
        </message>
        <message>
            <source>The text has %1 characters; WhatsApp allows %2.</source>
            <translation>The text has %1 characters; WhatsApp allows %2.</translation>
        </message>
        <message>
            <source>{{%1}} is not a variable: use numbers ({{1}}, {{2}}…) or names in lowercase ({{first_name}}).</source>
            <translation>{{%1}} is not a variable: use numbers ({{1}}, {{2}}…) or names in lowercase ({{first_name}}).</translation>
        </message>
        <message>
            <source>Use either numbered variables ({{1}}) or named ones ({{first_name}}), not both.</source>
            <translation>Use either numbered variables ({{1}}) or named ones ({{first_name}}), not both.</translation>
        </message>
        <message>
            <source>Variables are numbered in order without gaps: {{%1}} is missing.</source>
            <translation>Variables are numbered in order without gaps: {{%1}} is missing.</translation>
        </message>
        <message>
            <source>The text cannot start with a variable: write a word before it.</source>
            <translation>The text cannot start with a variable: write a word before it.</translation>
        </message>
        <message>
            <source>The text cannot end with a variable: write a word or a full stop after it.</source>
            <translation>The text cannot end with a variable: write a word or a full stop after it.</translation>
        </message>
        <message>
            <source>Two variables cannot be side by side: put words between them.</source>
            <translation>Two variables cannot be side by side: put words between them.</translation>
        </message>
        <message>
            <source>{{%1}} needs an example value for Meta's review.</source>
            <translation>{{%1}} needs an example value for Meta's review.</translation>
        </message>
        <message>
            <source>The header is empty.</source>
            <translation>The header is empty.</translation>
        </message>
        <message>
            <source>The header has %1 characters; WhatsApp allows %2.</source>
            <translation>The header has %1 characters; WhatsApp allows %2.</translation>
        </message>
        <message>
            <source>The header can have one variable at most.</source>
            <translation>The header can have one variable at most.</translation>
        </message>
        <message>
            <source>The header's variable needs an example value.</source>
            <translation>The header's variable needs an example value.</translation>
        </message>
        <message>
            <source>The header needs an example file.</source>
            <translation>The header needs an example file.</translation>
        </message>
        <message>
            <source>The footer has %1 characters; WhatsApp allows %2.</source>
            <translation>The footer has %1 characters; WhatsApp allows %2.</translation>
        </message>
        <message>
            <source>The footer cannot have variables.</source>
            <translation>The footer cannot have variables.</translation>
        </message>
        <message>
            <source>A template can have %1 buttons at most.</source>
            <translation>A template can have %1 buttons at most.</translation>
        </message>
        <message>
            <source>A button has no text.</source>
            <translation>A button has no text.</translation>
        </message>
        <message>
            <source>The button “%1” is longer than %2 characters.</source>
            <translation>The button “%1” is longer than %2 characters.</translation>
        </message>
        <message>
            <source>The link of “%1” must start with https://.</source>
            <translation>The link of “%1” must start with https://.</translation>
        </message>
        <message>
            <source>The link of “%1” is longer than %2 characters.</source>
            <translation>The link of “%1” is longer than %2 characters.</translation>
        </message>
        <message>
            <source>A link can have one variable, {{1}}, at its very end.</source>
            <translation>A link can have one variable, {{1}}, at its very end.</translation>
        </message>
        <message>
            <source>The link of “%1” needs an example of the whole address.</source>
            <translation>The link of “%1” needs an example of the whole address.</translation>
        </message>
        <message>
            <source>The number of “%1” must be written with its country code, such as +57 601 555 0100.</source>
            <translation>The number of “%1” must be written with its country code, such as +57 601 555 0100.</translation>
        </message>
        <message>
            <source>A template can have %1 link buttons at most.</source>
            <translation>A template can have %1 link buttons at most.</translation>
        </message>
        <message>
            <source>A template can have one call button at most.</source>
            <translation>A template can have one call button at most.</translation>
        </message>
        <message>
            <source>Quick-reply buttons go together, before or after the link and call buttons.</source>
            <translation>Quick-reply buttons go together, before or after the link and call buttons.</translation>
        </message>
    </context>
    <context>
        <name>TemplateWords</name>
        <message>
            <source>approved</source>
            <translation>approved</translation>
        </message>
        <message>
            <source>in Meta's review</source>
            <translation>in Meta's review</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>rejected</translation>
        </message>
        <message>
            <source>paused for low quality</source>
            <translation>paused for low quality</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>disabled</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>deleted</translation>
        </message>
        <message>
            <source>archived</source>
            <translation>archived</translation>
        </message>
        <message>
            <source>marketing</source>
            <translation>marketing</translation>
        </message>
        <message>
            <source>utility</source>
            <translation>utility</translation>
        </message>
        <message>
            <source>authentication</source>
            <translation>authentication</translation>
        </message>
        <message>
            <source>high</source>
            <translation>high</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>medium</translation>
        </message>
        <message>
            <source>low</source>
            <translation>low</translation>
        </message>
        <message>
            <source>not rated yet</source>
            <translation>not rated yet</translation>
        </message>
        <message>
            <source>Meta found its format wrong (variables, examples or lengths).</source>
            <translation>Meta found its format wrong (variables, examples or lengths).</translation>
        </message>
        <message>
            <source>Meta thinks its category is wrong: a promotion is marketing, not utility.</source>
            <translation>Meta thinks its category is wrong: a promotion is marketing, not utility.</translation>
        </message>
        <message>
            <source>Meta found its content against WhatsApp's policies.</source>
            <translation>Meta found its content against WhatsApp's policies.</translation>
        </message>
        <message>
            <source>Meta took it for a scam.</source>
            <translation>Meta took it for a scam.</translation>
        </message>
        <message>
            <source>Its words do not match the category or language chosen.</source>
            <translation>Its words do not match the category or language chosen.</translation>
        </message>
        <message>
            <source>Meta moved it from %1 to marketing: each message now costs the marketing price.</source>
            <translation>Meta moved it from %1 to marketing: each message now costs the marketing price.</translation>
        </message>
        <message>
            <source>Meta moved it from %1 to %2.</source>
            <translation>Meta moved it from %1 to %2.</translation>
        </message>
    </context>
    <context>
        <name>WindowChip</name>
        <message numerus="yes">
            <source>%n h left</source>
            <translation>
                <numerusform>%n h left</numerusform>
                <numerusform>%n h left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min left</source>
            <translation>
                <numerusform>%n min left</numerusform>
                <numerusform>%n min left</numerusform>
            </translation>
        </message>
        <message>
            <source>Closing soon · %1</source>
            <translation>Closing soon · %1</translation>
        </message>
        <message>
            <source>Closed — template only</source>
            <translation>Closed — template only</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>Blocked</translation>
        </message>
    </context>
    <context>
        <name>WireError</name>
        <message>
            <source>WhatsApp did not accept Mostrador's access token. It may have expired: enter a new one in Settings.</source>
            <translation>WhatsApp did not accept Mostrador's access token. It may have expired: enter a new one in Settings.</translation>
        </message>
        <message>
            <source>WhatsApp is limiting this number because many messages were marked as spam. Mostrador will try again later; send fewer messages for a while.</source>
            <translation>WhatsApp is limiting this number because many messages were marked as spam. Mostrador will try again later; send fewer messages for a while.</translation>
        </message>
        <message>
            <source>Too many messages in a short time. Mostrador will send it again in a moment.</source>
            <translation>Too many messages in a short time. Mostrador will send it again in a moment.</translation>
        </message>
        <message>
            <source>More than 24 hours have passed since the customer last wrote. Send a template instead; free text is only allowed within 24 hours.</source>
            <translation>More than 24 hours have passed since the customer last wrote. Send a template instead; free text is only allowed within 24 hours.</translation>
        </message>
        <message>
            <source>WhatsApp could not deliver this message. The number may not use WhatsApp, or the customer may have blocked the shop.</source>
            <translation>WhatsApp could not deliver this message. The number may not use WhatsApp, or the customer may have blocked the shop.</translation>
        </message>
        <message>
            <source>WhatsApp rejected the template: it does not exist, is not approved yet, or its fields are not filled in correctly.</source>
            <translation>WhatsApp rejected the template: it does not exist, is not approved yet, or its fields are not filled in correctly.</translation>
        </message>
        <message>
            <source>The file could not be sent or received. Check its type and size, or ask the customer to send it again.</source>
            <translation>The file could not be sent or received. Check its type and size, or ask the customer to send it again.</translation>
        </message>
        <message>
            <source>WhatsApp has temporarily restricted this number for policy reasons. Check the account's status in Meta's WhatsApp Manager.</source>
            <translation>WhatsApp has temporarily restricted this number for policy reasons. Check the account's status in Meta's WhatsApp Manager.</translation>
        </message>
        <message>
            <source>WhatsApp rejected the request as invalid. Please check the message and try again.</source>
            <translation>WhatsApp rejected the request as invalid. Please check the message and try again.</translation>
        </message>
        <message>
            <source>Could not reach WhatsApp. Check the internet connection; Mostrador will try again.</source>
            <translation>Could not reach WhatsApp. Check the internet connection; Mostrador will try again.</translation>
        </message>
        <message>
            <source>WhatsApp had a problem on its side. Mostrador will try again.</source>
            <translation>WhatsApp had a problem on its side. Mostrador will try again.</translation>
        </message>
        <message>
            <source>not delivered to keep engagement healthy: WhatsApp limits how many marketing messages a person gets</source>
            <translation>not delivered to keep engagement healthy: WhatsApp limits how many marketing messages a person gets</translation>
        </message>
        <message>
            <source>the customer chose to stop marketing messages from the shop</source>
            <translation>the customer chose to stop marketing messages from the shop</translation>
        </message>
        <message>
            <source>not delivered: the number may not have WhatsApp, or the customer's app is too old</source>
            <translation>not delivered: the number may not have WhatsApp, or the customer's app is too old</translation>
        </message>
        <message>
            <source>held back by WhatsApp: the customer's number is part of a Meta experiment on marketing messages</source>
            <translation>held back by WhatsApp: the customer's number is part of a Meta experiment on marketing messages</translation>
        </message>
        <message>
            <source>more than 24 hours since the customer wrote, and it was not a template</source>
            <translation>more than 24 hours since the customer wrote, and it was not a template</translation>
        </message>
        <message>
            <source>the shop's own number</source>
            <translation>the shop's own number</translation>
        </message>
        <message>
            <source>the shop's WhatsApp account is locked</source>
            <translation>the shop's WhatsApp account is locked</translation>
        </message>
        <message>
            <source>a problem with the account's payment method</source>
            <translation>a problem with the account's payment method</translation>
        </message>
        <message>
            <source>too many messages in a short time</source>
            <translation>too many messages in a short time</translation>
        </message>
        <message>
            <source>the template does not exist in that language, or is not approved</source>
            <translation>the template does not exist in that language, or is not approved</translation>
        </message>
        <message>
            <source>the template is paused for low quality</source>
            <translation>the template is paused for low quality</translation>
        </message>
        <message>
            <source>the template was disabled for low quality</source>
            <translation>the template was disabled for low quality</translation>
        </message>
        <message>
            <source>the template's values did not match its variables</source>
            <translation>the template's values did not match its variables</translation>
        </message>
    </context>
</TS>
