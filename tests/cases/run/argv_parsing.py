import sys
print(len(sys.argv), sys.argv[0].rsplit("/", 1)[-1], sys.argv[1:])
args = sys.argv[1:] or ["--name", "demo", "-v", "file1", "file2"]
opts, files = {}, []
it = iter(args)
for a in it:
    if a == "--name":
        opts["name"] = next(it)
    elif a.startswith("-"):
        opts[a.lstrip("-")] = True
    else:
        files.append(a)
print(opts, files)
import argparse
p = argparse.ArgumentParser(prog="demo")
p.add_argument("files", nargs="*")
p.add_argument("-n", "--count", type=int, default=1)
p.add_argument("--flag", action="store_true")
ns = p.parse_args(["a", "b", "-n", "3", "--flag"])
print(ns.files, ns.count, ns.flag)
print(sys.argv is not args, type(sys.argv).__name__)
