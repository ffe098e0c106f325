b"\xe9" "a"
