scores = {"a": 1, "b": 2, "c": 3}
for name, score in scores.items():
    if score > 1:
        scores[name + "_bonus"] = score * 2
print(scores)
