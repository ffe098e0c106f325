x = t"{f'''
'''!r} and a long tail here"
