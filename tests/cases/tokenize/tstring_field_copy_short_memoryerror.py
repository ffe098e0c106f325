x = t"{f'''
'''} and a long tail here"
