# Sourced by the benchmark scripts: installs wrk (Debian package) when it is missing.
if ! command -v wrk > /dev/null; then
  echo "Installing wrk (Debian package)..." >&2
  apt-get install -y wrk > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y wrk > /dev/null; }
fi
