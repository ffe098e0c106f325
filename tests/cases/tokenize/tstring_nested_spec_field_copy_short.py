x = t"""{x:{f'''
'''} long tail text here}"""
