x = t"{x:{f'''
'''}} and a long tail here"
