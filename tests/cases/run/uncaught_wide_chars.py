prices = {"りんご": 100, "バナナ": 80}
print(prices["りんご"])
total = prices["りんご"] + prices["みかん"]
