<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Add &amp;Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add S&amp;ub-card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Indent (make sub-card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outdent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>Qt libraries, used under the GNU Lesser General Public License version 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview&apos;s web engine. Chromium and its third-party components carry their own licences, listed in Qt&apos;s WebEngine licensing page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Includes libjpeg-turbo, libpng, libwebp, zlib, FreeType and Little CMS under their own permissive licences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python binding of the Ammonia HTML sanitizer (MIT or Apache-2.0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Icon font shipped with QtAwesome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Masthead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled components and their licences:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt %1 · PySide6 %2 · Python %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in Issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card&apos;s file could not be read, so it is shown read-only and never written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This issue is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardFields</name>
    <message>
        <source>Card title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag, another tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category heading inside the parent card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor&apos;s comment, shown under the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor&apos;s note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roundup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>links: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>further reading: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit further reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Card changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was changed by another program while you were editing it. Which text should be kept?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your text (not yet saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text now on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the file&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsToggle</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With regular expressions, \1 inserts group 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole words (Latin text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid pattern: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches in %2 cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace All “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueDocument</name>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit issue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This issue is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuePropertiesDialog</name>
    <message>
        <source>Issue Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>专题一, 专题二 … (Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part 1, Part 2 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No section labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart in every section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run through the issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section &amp;labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card &amp;numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit issue properties</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueTableModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus &amp;Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus &amp;Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue &amp;Properties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Masthead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masthead — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Issue Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no issue.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the new issue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened read-only: the issue is open in another window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This issue is already open in another Masthead window%1. It is opened read-only here so that nothing is overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered unsaved text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masthead was closed before it could save. The text typed in these cards was recovered:

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkdownEdit</name>
    <message>
        <source>Write the card in Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strikethrough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulleted List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbered List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlineActions</name>
    <message>
        <source>New section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sub-card</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n card(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n section(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indent card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdent card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unreadable) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename card</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Move section</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current Card Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the card being edited instead of the whole issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Remote Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load images and fonts from the internet in the preview (off by default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This preview never loads remote content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview could not be rendered: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Add a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the row up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the row down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>A line or two shown under the section heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a card in the outline to edit it, or press Ctrl+Return to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Emoji</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Introduction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample library (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of issues shown when Masthead starts without a folder to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when Masthead restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the default font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese text uses a Chinese font automatically when the family has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masthead saves this long after you stop typing; there is no Save button to forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Autosave after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wider images are scaled down when they are added to an issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Maximum width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;remote images and fonts in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default: Masthead works offline and the preview never contacts a server unless you allow it. Scripts in card content never run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Library Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message>
        <source>Issues of the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masthead library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBarController</name>
    <message>
        <source>No issue open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: see the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card: %1 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue: %1 words · %2 min read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
