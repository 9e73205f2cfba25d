#!/usr/bin/env python3
"""Writes Sources/ConsiliumServer/Views/Views+PageContexts.swift: a MustacheParent lookup for
every page context (structs named ...Page, ...Content, ...Row and so on), from their stored
properties. Run it after adding or renaming a field of a page context, then `swift format --in-place`
on the file:  bin/generate-page-lookups.py"""
import re,glob
PATTERN = re.compile(r'(Page|Content|Row|Item|Progress|Errors|Panel|Event|Message|Reviewed|Addendum|Question|Box|Summary)$')
EXCLUDE = {'SecretBox','MailMessage','PageRenderer.Page','FieldView','ErrorSummary','SignInController.Content','Option','ChoiceInput','TextInput','TriageController.Row','ErrorSummary.Item','AuditLog.ChainedRow'}
def fields_of(lines, start, indent):
    inner = indent + '    '
    level = 0; fields = []
    for line in lines[start+1:]:
        if level == 0 and re.match('^' + indent + r'\}', line): break
        if level == 0:
            fm = re.match('^' + inner + r'(?:private\(set\) |fileprivate |private )?(?:let|var) (\w+\s*:\s*[^={]+)$', line)
            if fm:
                # "let a: A, b: B" declares several; generic arguments hold no colons here
                for part in re.findall(r'(\w+)\s*:\s*(?:\[[^\]]*\]|[\w.<>?]+)', fm.group(1)): fields.append(part)
            else:
                fm2 = re.match('^' + inner + r'(?:let|var) (\w+)\s*(?::[^=]*)?=', line)
                if fm2 and 'static' not in line: fields.append(fm2.group(1))
        level += line.count('{') - line.count('}')
    return fields
found = []
for f in sorted(glob.glob('Sources/ConsiliumServer/**/*.swift', recursive=True)):
    if 'Views+' in f: continue
    lines = open(f).read().split('\n')
    top = None
    for i, line in enumerate(lines):
        m0 = re.match(r'^(?:struct|extension|enum|final class|class) (\w+)', line)
        if m0: top = m0.group(1)
        m = re.match(r'^( *)struct (\w+)\b.*\{$', line)
        if not m: continue
        depth = len(m.group(1)) // 4
        if depth > 1: continue
        name = m.group(2) if depth == 0 else f'{top}.{m.group(2)}'
        if not PATTERN.search(m.group(2)) or name in EXCLUDE or '<' in line: continue
        found.append((name, fields_of(lines, i, m.group(1)), f))
out = ['import Mustache', '', "// Page contexts answer Mustache's lookups directly instead of through `Mirror`, which", "// dominated the time to render a page (see `Views+MustacheParent.swift`). Written out by", "// bin/generate-page-lookups.py from each struct's stored properties; a name a template asks", "// for that a context does not answer falls through to the page and is caught by the tests", "// of unresolved names.", '']
for name, fields, f in found:
    cases = '\n'.join(f'        case "{x}": {"self." + x if x in ("name",) else x}' for x in fields)
    body = f'        switch name {{\n{cases}\n        default: nil\n        }}' if fields else '        nil'
    out.append(f'extension {name}: MustacheParent {{\n    func child(named name: String) -> Any? {{\n{body}\n    }}\n}}\n')
open('Sources/ConsiliumServer/Views/Views+PageContexts.swift','w').write('\n'.join(out))
print(f'{len(found)} page contexts written')
