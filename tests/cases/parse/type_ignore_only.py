# type: ignore
