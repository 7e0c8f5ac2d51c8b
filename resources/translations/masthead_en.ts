<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ExportPanel</name>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>Exported %n file to %1</numerusform>
            <numerusform>Exported %n files to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n changed).</source>
        <translation>
            <numerusform>(%n changed).</numerusform>
            <numerusform>(%n changed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export stopped: the checks found %n error(s). Fix them (double-click a problem to open its card) or tick “Export anyway”.</source>
        <translation>
            <numerusform>Export stopped: the checks found %n error. Fix them (double-click a problem to open its card) or tick “Export anyway”.</numerusform>
            <numerusform>Export stopped: the checks found %n errors. Fix them (double-click a problem to open its card) or tick “Export anyway”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled after %n file(s); those files were kept.</source>
        <translation>
            <numerusform>Export cancelled after %n file; those files were kept.</numerusform>
            <numerusform>Export cancelled after %n files; those files were kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message numerus="yes">
        <source>%n match(es) in %1</source>
        <translation>
            <numerusform>%n match in %1</numerusform>
            <numerusform>%n matches in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageAssetModel</name>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n frame</numerusform>
            <numerusform>%n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used by %n card(s): %1</source>
        <translation>
            <numerusform>Used by %n card: %1</numerusform>
            <numerusform>Used by %n cards: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImagePanel</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alt text updated in %n card(s).</source>
        <translation>
            <numerusform>Alt text updated in %n card.</numerusform>
            <numerusform>Alt text updated in %n cards.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n unused image(s)</source>
        <translation>
            <numerusform>Remove %n unused image</numerusform>
            <numerusform>Remove %n unused images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n image(s) to the issue&apos;s trash; Undo brings them back.</source>
        <translation>
            <numerusform>Moved %n image to the issue&apos;s trash; Undo brings them back.</numerusform>
            <numerusform>Moved %n images to the issue&apos;s trash; Undo brings them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkPanel</name>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n URL(s)</source>
        <translation>
            <numerusform>Copied %n URL</numerusform>
            <numerusform>Copied %n URLs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed tracking parameters in %n card(s); Undo puts them back.</source>
        <translation>
            <numerusform>Removed tracking parameters in %n card; Undo puts them back.</numerusform>
            <numerusform>Removed tracking parameters in %n cards; Undo puts them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked %n link(s): %1 with problems.</source>
        <translation>
            <numerusform>Checked %n link: %1 with problems.</numerusform>
            <numerusform>Checked %n links: %1 with problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlineActions</name>
    <message numerus="yes">
        <source>Delete %n card(s)</source>
        <translation>
            <numerusform>Delete %n card</numerusform>
            <numerusform>Delete %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n section(s)</source>
        <translation>
            <numerusform>Delete %n section</numerusform>
            <numerusform>Delete %n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s) to section</source>
        <translation>
            <numerusform>Move %n card to section</numerusform>
            <numerusform>Move %n cards to section</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message numerus="yes">
        <source>Move %n card(s)</source>
        <translation>
            <numerusform>Move %n card</numerusform>
            <numerusform>Move %n cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBarController</name>
    <message numerus="yes">
        <source>Card: %n word(s)</source>
        <translation>
            <numerusform>Card: %n word</numerusform>
            <numerusform>Card: %n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Section: %n word(s) · %1 min read</source>
        <translation>
            <numerusform>Section: %n word · %1 min read</numerusform>
            <numerusform>Section: %n words · %1 min read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issue: %n word(s) · %1 min read</source>
        <translation>
            <numerusform>Issue: %n word · %1 min read</numerusform>
            <numerusform>Issue: %n words · %1 min read</numerusform>
        </translation>
    </message>
</context>
</TS>
