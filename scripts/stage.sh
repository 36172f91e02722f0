# Sourced by the project's scripts: run a named stage and print how long it took.
_ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
stage() {
  local name=$1; shift
  local start rc=0
  start=$(_ms)
  echo "==> ${name}"
  "$@" || rc=$?
  local ms=$(( $(_ms) - start ))
  printf '==> %s: %d.%01d s (exit %d)\n' "$name" $(( ms / 1000 )) $(( (ms % 1000) / 100 )) "$rc"
  return $rc
}
