"""minutes: Chinese meeting minutes in, a structured 沟通记录表 out."""
