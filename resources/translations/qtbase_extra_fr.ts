<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- French for the few strings of Qt's own dialogs that Qt's qtbase_fr catalogue lacks (its
     sources gained a mnemonic, its French did not follow). Loaded after qtbase_fr by
     gui/kit/i18n.py; compiled with the others by scripts/update_translations.py. -->
<TS version="2.1" language="fr">
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Voir dans&#xa0;:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>Fichiers de &amp;type&#xa0;:</translation>
        </message>
    </context>
</TS>
