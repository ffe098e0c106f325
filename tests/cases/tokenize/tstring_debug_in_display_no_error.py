x = t"""{
{f'''
''' = } long tail text here}"""
