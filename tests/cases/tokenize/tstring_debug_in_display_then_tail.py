x = t"""{
{f'''
''' = } long tail text here} and more tail text"""
