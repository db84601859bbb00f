#!/usr/bin/env python3
"""Lists a wasm module's sections and its largest function bodies, by name, in bytes (raw).

twiggy is not part of the setup (`cargo install twiggy`, about 2 minutes). Names need a build that
keeps them, e.g.:
  cargo rustc --lib --release --target wasm32-unknown-unknown --crate-type cdylib
  wasm-bindgen --target web --no-typescript --keep-debug --out-dir /tmp/names \\
    target/wasm32-unknown-unknown/release/amnion_estimator.wasm
  .ci/node_modules/.bin/wasm-opt -O2 --converge -g /tmp/names/amnion_estimator_bg.wasm -o /tmp/names/opt.wasm
  python3 .ci/wasm-functions.py /tmp/names/opt.wasm 40
"""
import sys

SECTIONS = {1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export',
            8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'data count', 13: 'tag'}


def main(path, top):
    data = open(path, 'rb').read()

    def leb(at):
        value = shift = 0
        while True:
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value, at

    def limits(at):
        flags = data[at]
        _, at = leb(at + 1)
        if flags & 1:
            _, at = leb(at)
        return at

    at, imported, names, bodies, sections = 8, 0, {}, [], []
    while at < len(data):
        kind = data[at]
        size, at = leb(at + 1)
        end = at + size
        if kind == 0:
            length, j = leb(at)
            name = data[j:j + length].decode()
            sections.append((f'custom "{name}"', size))
            j += length
            while name == 'name' and j < end:
                sub = data[j]
                length, j = leb(j + 1)
                if sub == 1:
                    count, k = leb(j)
                    for _ in range(count):
                        index, k = leb(k)
                        length2, k = leb(k)
                        names[index] = data[k:k + length2].decode('utf8', 'replace')
                        k += length2
                j += length
        else:
            sections.append((SECTIONS.get(kind, kind), size))
            if kind == 2:
                count, j = leb(at)
                for _ in range(count):
                    for _ in range(2):  # module and field names
                        length, j = leb(j)
                        j += length
                    what = data[j]
                    j += 1
                    if what == 0:
                        _, j = leb(j)
                        imported += 1
                    elif what == 1:
                        j = limits(j + 1)
                    elif what == 2:
                        j = limits(j)
                    elif what == 3:
                        j += 2
                    else:
                        _, j = leb(j + 1)
            if kind == 10:
                count, j = leb(at)
                for index in range(count):
                    length, j = leb(j)
                    bodies.append((length, imported + index))
                    j += length
        at = end
    for name, size in sections:
        print(f'{size:9d}  section {name}')
    print(f'{sum(length for length, _ in bodies):9d}  in {len(bodies)} function bodies; the largest:')
    for length, index in sorted(bodies, reverse=True)[:top]:
        print(f'{length:9d}  {names.get(index, f"function {index}")[:140]}')


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40)
