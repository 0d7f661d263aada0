#!/usr/bin/env python3
# yuma-compat.py DIR - downgrades the YANG 1.1 constructs that yuma123 netconfd 2.13 rejects, IN PLACE, in every
# *.yang file of DIR. Test fixtures only: run it on a COPY of testplans/yang (NetconfdPeer does, per start), never on
# the pristine set, which clients and yanglint use unmodified. The four patches (shared/reference/mplane.md §1.5-1,
# Appendix A):
#   1) delete boolean if-feature expressions ("A or B", "A and B", "not A"): yuma reports a "definition loop";
#   2) drop `type empty;` members of unions and replace `leafref` union members with `type string;`;
#   3) drop the negative range refinement of the decimal64 geographic-coordinate-degree (o-ran-sync);
#   4) hoist `config false;` above the key-less `list active-alarms` (o-ran-fm; yuma checks keys first).
# Prints each file it changed. Check: netconfd --modpath=DIR:/usr/share/yuma/modules --module=... --no-startup
# --validate-config-only exits 0 on the patched copy (18 on the pristine v17.01 files).
import glob
import re
import sys

if len(sys.argv) != 2:
    sys.exit("usage: yuma-compat.py DIR (a copy of the YANG modules; changed in place)")
d = sys.argv[1]
for p in sorted(glob.glob(d + '/*.yang')):
    lines = open(p, encoding='utf-8').read().split('\n'); out = []; i = 0; changed = 0
    while i < len(lines):
        l = lines[i]
        if re.match(r'\s*if-feature\s+"[^"]*( or | and |"not |\(not )[^"]*";\s*$', l):   # 1) boolean if-feature
            changed += 1; i += 1; continue
        if re.match(r'\s*type union\s*\{', l):                                            # 2) union members
            depth = 0; j = i; block = []
            while True:
                block.append(lines[j]); depth += lines[j].count('{') - lines[j].count('}'); j += 1
                if depth <= 0: break
            nb = []; k = 0; dep = 0
            while k < len(block):
                b = block[k]
                if dep == 1 and re.match(r'\s*type\s+empty\s*;', b): changed += 1; k += 1; continue
                if dep == 1 and re.match(r'\s*type\s+leafref\s*\{', b):
                    ind = re.match(r'(\s*)', b).group(1); dd = 0
                    while True:
                        dd += block[k].count('{') - block[k].count('}'); k += 1
                        if dd <= 0: break
                    nb.append(ind + 'type string;'); changed += 1; continue
                dep += b.count('{') - b.count('}'); nb.append(b); k += 1
            out.extend(nb); i = j; continue
        out.append(l); i += 1
    if changed: open(p, 'w', encoding='utf-8').write('\n'.join(out)); print(p, changed)
for p in sorted(glob.glob(d + '/*.yang')):
    t = open(p, encoding='utf-8').read()
    n = re.sub(r'type (geographic-coordinate-degree)\s*\{\s*range\s+"[^"]*";\s*\}', r'type \1;', t)   # 3)
    n = re.sub(r'(container active-alarm-list \{\n)(\s*)(list active-alarms \{.*?\n\s*\}\n)(\s*config false;\n)',
               lambda m: m.group(1) + m.group(2) + 'config false;\n' + m.group(2) + m.group(3), n, flags=re.S)  # 4)
    if n != t: open(p, 'w', encoding='utf-8').write(n); print(p, 'patched')
