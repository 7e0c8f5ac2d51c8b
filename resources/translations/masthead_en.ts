<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChannelCopier</name>
    <message numerus="yes">
        <source>Not copied: the checks found %n error(s). The Export panel lists them.</source>
        <translation>
            <numerusform>Not copied: the checks found %n error. The Export panel lists them.</numerusform>
            <numerusform>Not copied: the checks found %n errors. The Export panel lists them.</numerusform>
        </translation>
    </message>
</context>
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
    <name>ImageAssetEdits</name>
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
    <name>InboxHandoff</name>
    <message numerus="yes">
        <source>Take %n link(s) from the inbox</source>
        <translation>
            <numerusform>Take %n link from the inbox</numerusform>
            <numerusform>Take %n links from the inbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %n card(s) back to the inbox</source>
        <translation>
            <numerusform>Send %n card back to the inbox</numerusform>
            <numerusform>Send %n cards back to the inbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s) to the next issue</source>
        <translation>
            <numerusform>Move %n card to the next issue</numerusform>
            <numerusform>Move %n cards to the next issue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable file(s)</source>
        <translation>
            <numerusform>%n unreadable file</numerusform>
            <numerusform>%n unreadable files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n title(s) updated</source>
        <translation>
            <numerusform>%n title updated</numerusform>
            <numerusform>%n titles updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) could not be read</source>
        <translation>
            <numerusform>%n page could not be read</numerusform>
            <numerusform>%n pages could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) made from the inbox</source>
        <translation>
            <numerusform>%n card made from the inbox</numerusform>
            <numerusform>%n cards made from the inbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n item(s) from the inbox</source>
        <translation>
            <numerusform>Remove %n item from the inbox</numerusform>
            <numerusform>Remove %n items from the inbox</numerusform>
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
    <name>MoveToIssueDialog</name>
    <message numerus="yes">
        <source>Move %n card(s) to another issue of the library:</source>
        <translation>
            <numerusform>Move %n card to another issue of the library:</numerusform>
            <numerusform>Move %n cards to another issue of the library:</numerusform>
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
    <message numerus="yes">
        <source>Move %n card(s) to “%1”</source>
        <translation>
            <numerusform>Move %n card to “%1”</numerusform>
            <numerusform>Move %n cards to “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n card(s) to “%1”.</source>
        <translation>
            <numerusform>Moved %n card to “%1”.</numerusform>
            <numerusform>Moved %n cards to “%1”.</numerusform>
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
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>The first %n results.</source>
        <translation>
            <numerusform>The first %n result.</numerusform>
            <numerusform>The first %n results.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n result.</numerusform>
            <numerusform>%n results.</numerusform>
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
<context>
    <name>SyncPanel</name>
    <message numerus="yes">
        <source>%n file(s) could not be merged: open each to choose a version.</source>
        <translation>
            <numerusform>%n file could not be merged: open it to choose a version.</numerusform>
            <numerusform>%n files could not be merged: open each to choose a version.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s) not yet committed.</source>
        <translation>
            <numerusform>%n changed file not yet committed.</numerusform>
            <numerusform>%n changed files not yet committed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept %n card(s) deleted by the other side but edited here:</source>
        <translation>
            <numerusform>Kept %n card deleted by the other side but edited here:</numerusform>
            <numerusform>Kept %n cards deleted by the other side but edited here:</numerusform>
        </translation>
    </message>
</context>
</TS>
