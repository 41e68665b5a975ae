# Sourced by scripts/start.sh and scripts/start-cluster.sh.
# wait_for_port host port seconds what: waits until something listens on host:port; says which
# piece did not come up otherwise.
wait_for_port() {
  for _ in $(seq 1 $(($3 * 5))); do
    (echo >"/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.2
  done
  echo "[${0##*/}] $4 did not come up on $1:$2" >&2
  return 1
}
