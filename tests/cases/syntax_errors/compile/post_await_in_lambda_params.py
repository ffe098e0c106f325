lambda x=await y: 0
