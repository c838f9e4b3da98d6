#!/bin/sh
# e2e_layers.sh -- the layers of sim/ depend one way (sim/README.md):
#   engine < config < model < results < charts < cmd
# A file may use only its own layer and those below.  Checked twice, from the
# sources and from the compiled objects:
#   1. every #include "LAYER/file.h" names a layer at or below the file's own;
#   2. every symbol an object takes from another object (nm: undefined here,
#      defined there) is defined at or below the taker's layer -- calls and
#      data, not only includes;
#   3. inside the model no file calls a file that (through others) calls it
#      back: the call graph of sim/model/ has no cycle (tsort finds loops).
# A test that cannot pass by accident: each check is first run on a planted
# violation and must catch it.
E2E=layers
. "$(dirname "$0")/common.sh"

OBJ=${LAYERS_OBJ:-build/tobj}
[ -d "$OBJ/engine" ] || fail "no objects in $OBJ (run make check)"

rank() {
    case $1 in
        engine) echo 0 ;; config) echo 1 ;; model) echo 2 ;; results) echo 3 ;;
        charts) echo 4 ;; cmd) echo 5 ;; *) echo 99 ;;
    esac
}

# includes FILE...: "FILE LAYER" for every #include "LAYER/..." in the files
includes() {
    for f in "$@"; do
        sed -n 's|^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([a-z_]*\)/.*|\1|p' "$f" |
            while read -r layer; do echo "$f $layer"; done
    done
}

# upward_includes: lines "FILE includes LAYER" that go up, from includes' output
upward_includes() {
    while read -r f layer; do
        own=$(echo "$f" | sed 's|.*sim/\([a-z_]*\)/.*|\1|')
        [ "$(rank "$layer")" -le "$(rank "$own")" ] || echo "$f includes $layer/ (above $own/)"
    done
}

# edges OBJECTS...: "FROM TO SYMBOL" for every symbol FROM takes from TO
edges() {
    for o in "$@"; do nm -P "$o" | awk -v o="$o" '{ print o, $1, $2 }'; done |
        awk '$3 ~ /^[TDBRCV]$/ { def[$2] = $1 }
             $3 == "U" { use[++n] = $1 " " $2 }
             END { for (i = 1; i <= n; i++) { split(use[i], u, " ");
                       if ((u[2] in def) && def[u[2]] != u[1]) print u[1], def[u[2]], u[2] } }'
}

layer_of() { echo "$1" | sed "s|^$OBJ/\([a-z_]*\)/.*|\1|"; }

upward_calls() {
    while read -r from to sym; do
        lf=$(layer_of "$from"); lt=$(layer_of "$to")
        [ "$(rank "$lt")" -le "$(rank "$lf")" ] || echo "$from uses $sym from $to ($lt/ is above $lf/)"
    done
}

# model_loop EDGES: nonzero output when the model's call graph has a cycle
model_loop() {
    awk -v p="$OBJ/model/" 'index($1, p) == 1 && index($2, p) == 1 { print $1, $2 }' |
        sort -u | tsort 2>&1 >/dev/null | grep -i loop
}

say "the check catches a planted upward include and an upward call"
mkdir -p "$tmp/sim/engine"
printf '#include "model/model.h"\n' >"$tmp/sim/engine/bad.c"
[ -n "$(includes "$tmp/sim/engine/bad.c" | upward_includes)" ] || fail "a planted upward include was not caught"
printf '%s\n' "$OBJ/engine/a.o $OBJ/cmd/b.o main_thing" | upward_calls | grep -q main_thing ||
    fail "a planted upward call was not caught"
printf '%s\n' "$OBJ/model/x.o $OBJ/model/y.o f" "$OBJ/model/y.o $OBJ/model/x.o g" |
    model_loop | grep -q . || fail "a planted cycle in the model was not caught"

say "every #include in sim/ names its own layer or one below"
bad=$(includes sim/*/*.c sim/*/*.h | upward_includes)
[ -z "$bad" ] || fail "includes that go up: $bad"

say "every symbol an object uses comes from its own layer or one below (nm)"
edges $OBJ/*/*.o >"$tmp/edges"
[ -s "$tmp/edges" ] || fail "nm found no symbols passing between objects"
bad=$(upward_calls <"$tmp/edges")
[ -z "$bad" ] || fail "uses that go up: $bad"

say "inside sim/model/ the files call each other without a circle"
loop=$(model_loop <"$tmp/edges")
[ -z "$loop" ] || fail "a circle in the model: $loop ($(awk -v p="$OBJ/model/" 'index($1, p) == 1 && index($2, p) == 1' "$tmp/edges" | sort -u | head -20))"

echo "e2e_layers: all checks passed"
