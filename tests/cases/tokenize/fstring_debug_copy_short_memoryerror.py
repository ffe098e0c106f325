x = f"{f'''
'''=} and a long tail here"
