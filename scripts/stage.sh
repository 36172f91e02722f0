# Sourced by the project's scripts: run a named stage and print how long it took. Stages run
# between `stage_total_start` and `stage_total NAME` are also summed: `stage_total` prints their
# count and total (the wall time between the two, and the sum of the stages' own times).
_ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
_stage_sum_ms=0
_stage_count=0
_stage_total_start=
stage() {
  local name=$1; shift
  local start rc=0
  start=$(_ms)
  echo "==> ${name}"
  "$@" || rc=$?
  local ms=$(( $(_ms) - start ))
  printf '==> %s: %d.%01d s (exit %d)\n' "$name" $(( ms / 1000 )) $(( (ms % 1000) / 100 )) "$rc"
  if [[ -n "$_stage_total_start" ]]; then
    _stage_sum_ms=$(( _stage_sum_ms + ms ))
    _stage_count=$(( _stage_count + 1 ))
  fi
  return $rc
}
stage_total_start() {
  _stage_sum_ms=0
  _stage_count=0
  _stage_total_start=$(_ms)
}
stage_total() {
  local name=$1
  local ms=$(( $(_ms) - _stage_total_start ))
  printf '==> %s: %d stages, %d.%02d s in all (%d.%02d s wall)\n' "$name" "$_stage_count" \
    $(( _stage_sum_ms / 1000 )) $(( (_stage_sum_ms % 1000) / 10 )) $(( ms / 1000 )) $(( (ms % 1000) / 10 ))
  _stage_total_start=
}
