print("palabre")
