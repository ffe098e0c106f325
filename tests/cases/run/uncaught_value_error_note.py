def parse_port(text):
    try:
        port = int(text)
    except ValueError as exc:
        exc.add_note(f"while parsing port from {text!r}")
        exc.add_note("ports are integers between 1 and 65535")
        raise
    return port
print(parse_port("8080"))
print(parse_port("80a"))
