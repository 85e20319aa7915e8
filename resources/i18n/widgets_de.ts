<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Badges</name>
    <message>
        <source>Take down!</source>
        <translation>Offline nehmen!</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Taken down</source>
        <translation>Entfernt</translation>
    </message>
</context>
</TS>
