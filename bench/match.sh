#!/usr/bin/env bash
# Benchmark of issue 15, point 6: the whole `lernweg match` process (CSV in, JSON out) on
# 2,000 waiting mentees and 1,000 mentors of capacity 2, generated from a fixed seed (the same
# files every run: KldB codes of real occupations over eight Berufsbereiche, a fifth of the
# mentees below B1, languages, slots, cities and online willingness drawn at random). The
# exactness of the matching is checked by the unit tests (brute force on small instances);
# the matching alone is `cargo bench -p lernweg-participants --bench matching`.
#
#   bash bench/match.sh                 # builds the release binary, 5 runs, prints the best
#   BIN=target/debug/lernweg RUNS=1 bash bench/match.sh
#
# The issue's reference, scipy's linear_sum_assignment on the same size, takes 0.1–0.2 s on
# these machines; scipy is not installed here (no download), so it is not run by this script.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
DIR="${TMPDIR:-/tmp}/lernweg-match-bench"
mkdir -p "$DIR"
if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p lernweg
  BIN="${CARGO_TARGET_DIR:-target}/release/lernweg"
fi

python3 - "$DIR" <<'PY'
import random, sys
d = sys.argv[1]
r = random.Random(20261204)
kldb = ["11302", "12212", "22102", "26212", "26252", "27212", "29302", "34212", "43102",
        "51312", "52202", "62102", "63302", "71402", "72212", "81302", "81313", "83112"]
langs = ["ar", "tr", "uk", "ru", "fa", "pl", "ro", "en"]
cities = ["Essen", "Bochum", "Dortmund", "Duisburg", "Gelsenkirchen"]
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
parts = ["morning", "afternoon", "evening"]
slots = lambda: ",".join(sorted({f"{r.choice(days)}-{r.choice(parts)}" for _ in range(4)}))
with open(f"{d}/mentors.csv", "w") as f:
    f.write("id;name;kldb;languages;slots;city;online;capacity\n")
    for i in range(1000):
        f.write(f"m{i};Mentor {i};{r.choice(kldb)};de,{r.choice(langs)};{slots()};"
                f"{r.choice(cities)};{r.choice(['ja', 'nein'])};2\n")
levels = ["A2", "B1", "B2", "B2", "C1"]
with open(f"{d}/mentees.csv", "w") as f:
    f.write("id;name;kldb;mother_tongue;german_level;slots;city;online\n")
    for i in range(2000):
        f.write(f"e{i};Mentee {i};{r.choice(kldb)};{r.choice(langs)};{r.choice(levels)};"
                f"{slots()};{r.choice(cities)};{r.choice(['ja', 'ja', 'nein'])}\n")
PY

best=""
for _ in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  "$BIN" match --mentors "$DIR/mentors.csv" --mentees "$DIR/mentees.csv" --format json > "$DIR/out.json"
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
python3 -c "import json; v = json.load(open('$DIR/out.json')); print(f\"matched {v['matched']} of 2000, total score {v['total_score']}\")"
printf 'lernweg match, whole process (best of %s): %.3f s\n' "$RUNS" "$best"
